package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.application.port.in.StopDaemonUseCase;
import ai.kaelio.ktx.application.port.in.StopRequest;
import ai.kaelio.ktx.application.port.in.StopResult;
import ai.kaelio.ktx.application.port.out.DaemonClient;
import ai.kaelio.ktx.application.port.out.DaemonFiles;
import ai.kaelio.ktx.application.port.out.DaemonProcesses;
import ai.kaelio.ktx.application.port.out.RuntimeLock;
import ai.kaelio.ktx.domain.DaemonRecord;
import ai.kaelio.ktx.domain.DaemonState;
import ai.kaelio.ktx.domain.ProcessSnapshot;
import ai.kaelio.ktx.domain.RuntimeLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stop, under the version's lock: the recorded daemon, verified, is asked to shut down, then terminated,
 * then killed; a stale state is removed without signalling anyone. With {@code all}, every other
 * {@code ktx-daemon serve-http} process of the user is terminated, then killed.
 */
public final class StopDaemonService implements StopDaemonUseCase {

    private final RuntimeLayout layout;
    private final RuntimeLock lock;
    private final DaemonInspector daemons;
    private final DaemonFiles files;
    private final DaemonProcesses processes;
    private final DaemonStopper stopper;

    public StopDaemonService(RuntimeLayout layout, RuntimeLock lock, DaemonInspector daemons, DaemonFiles files,
            DaemonProcesses processes, DaemonClient client, DaemonTimeouts timeouts) {
        this.layout = layout;
        this.lock = lock;
        this.daemons = daemons;
        this.files = files;
        this.processes = processes;
        this.stopper = new DaemonStopper(processes, client, timeouts);
    }

    @Override
    public StopResult stop(StopRequest request) throws IOException, InterruptedException {
        List<StopResult.Stopped> stopped = new ArrayList<>();
        List<StopResult.Failed> failed = new ArrayList<>();
        Set<Long> handled = new HashSet<>();
        boolean staleRemoved = false;
        try (RuntimeLock.Handle held = lock.acquire(layout.lockPath(), "daemon stop",
                holder -> request.observer().waitingForLock(layout.lockPath(), holder))) {
            DaemonState state = daemons.inspect();
            if (state instanceof DaemonState.Running running) {
                DaemonRecord daemon = running.daemon();
                handled.add(daemon.pid());
                Optional<ProcessSnapshot> process = daemons.ourProcess(daemon);
                Optional<StopResult.How> how = process.isEmpty()
                        ? Optional.empty()
                        : stopper.stop(process.get(), Optional.of(daemon.endpoint()));
                if (process.isPresent() && how.isEmpty()) {
                    failed.add(new StopResult.Failed(daemon.pid(), "still running after SIGKILL"));
                } else {
                    files.deleteState(state.statePath());
                    how.ifPresent(value -> stopped.add(new StopResult.Stopped(daemon.pid(), value, true)));
                    staleRemoved = how.isEmpty();
                }
            } else if (state instanceof DaemonState.Stale) {
                files.deleteState(state.statePath());
                staleRemoved = true;
            }
            if (request.all()) {
                stopUnrecorded(handled, stopped, failed);
            }
        }
        return new StopResult(layout.daemonStatePath(), stopped, failed, staleRemoved);
    }

    private void stopUnrecorded(Set<Long> handled, List<StopResult.Stopped> stopped, List<StopResult.Failed> failed)
            throws InterruptedException {
        for (ProcessSnapshot process : processes.listOwn()) {
            if (!process.isKtxDaemon() || !handled.add(process.pid())) {
                continue;
            }
            if (process.startedAt().isEmpty()) {
                failed.add(new StopResult.Failed(process.pid(), "its start time is unknown, so it cannot be told from a reused pid"));
                continue;
            }
            Optional<StopResult.How> how = stopper.stop(process, Optional.empty());
            if (how.isPresent()) {
                stopped.add(new StopResult.Stopped(process.pid(), how.get(), false));
            } else {
                failed.add(new StopResult.Failed(process.pid(), "still running after SIGKILL"));
            }
        }
    }
}
