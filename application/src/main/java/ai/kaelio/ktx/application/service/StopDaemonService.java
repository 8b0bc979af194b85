package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.application.port.in.StopDaemonUseCase;
import ai.kaelio.ktx.application.port.in.StopRequest;
import ai.kaelio.ktx.application.port.in.StopResult;
import ai.kaelio.ktx.application.port.out.DaemonClient;
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
 * then killed; a stale state is removed without signalling anyone. When no valid record names the
 * daemon (a damaged {@code daemon.json}, a start cut short), the daemons launched from this runtime that
 * the process table shows are terminated, then killed, before the state goes. With {@code all}, every
 * other {@code ktx-daemon serve-http} process of the user is terminated, then killed.
 */
public final class StopDaemonService implements StopDaemonUseCase {

    private final RuntimeLayout layout;
    private final RuntimeLock lock;
    private final DaemonInspector daemons;
    private final DaemonStopper stopper;

    public StopDaemonService(RuntimeLayout layout, RuntimeLock lock, DaemonInspector daemons,
            DaemonProcesses processes, DaemonClient client, DaemonTimeouts timeouts) {
        this.layout = layout;
        this.lock = lock;
        this.daemons = daemons;
        this.stopper = new DaemonStopper(processes, client, timeouts);
    }

    @Override
    public StopResult stop(StopRequest request) throws IOException, InterruptedException {
        if (!request.all() && daemons.inspect() instanceof DaemonState.Stopped && !daemons.leftAStartMarker()) {
            // Nothing recorded and no start under way: nothing to stop, so no lock to wait for (or to be
            // allowed to create, in a runtime this user may only read).
            return new StopResult(layout.daemonStatePath(), List.of(), List.of(), Optional.empty());
        }
        List<StopResult.Stopped> stopped = new ArrayList<>();
        List<StopResult.Failed> failed = new ArrayList<>();
        Optional<StopResult.StaleState> stale = Optional.empty();
        try (RuntimeLock.Handle held = lock.acquire(layout.lockPath(), "daemon stop",
                holder -> request.observer().waitingForLock(layout.lockPath(), holder))) {
            DaemonState state = daemons.inspect();
            if (state instanceof DaemonState.Running running) {
                stale = stopRecorded(running.daemon(), stopped, failed);
            } else if (state instanceof DaemonState.Unrecorded unrecorded) {
                stale = stopUnrecorded(unrecorded, stopped, failed);
            } else if (state instanceof DaemonState.Stale) {
                daemons.forget();
                stale = Optional.of(new StopResult.StaleState(state.statePath(), state.detail()));
            } else if (daemons.leftAStartMarker()) {
                // Stopped, with the marker of a start that ended without removing it: nothing ran, but
                // every status would search the process table until the next start.
                daemons.forget();
            }
            if (request.all()) {
                // Not twice: a daemon the state named was stopped, or failed to stop, above.
                Set<Long> handled = new HashSet<>(state.runningPids());
                List<ProcessSnapshot> others = daemons.runningDaemons().stream()
                        .filter(process -> !handled.contains(process.pid()))
                        .toList();
                stopper.stopUnrecorded(others, stopped, failed);
            }
        }
        return new StopResult(layout.daemonStatePath(), stopped, failed, stale);
    }

    /** The stale state removed, if the daemon was gone before it could be stopped. */
    private Optional<StopResult.StaleState> stopRecorded(DaemonRecord daemon, List<StopResult.Stopped> stopped,
            List<StopResult.Failed> failed) throws IOException, InterruptedException {
        Optional<ProcessSnapshot> process = daemons.ourProcess(daemon);
        Optional<StopResult.How> how = process.isEmpty()
                ? Optional.empty()
                : stopper.stop(process.get(), Optional.of(daemon.endpoint()));
        if (process.isPresent() && how.isEmpty()) {
            failed.add(new StopResult.Failed(daemon.pid(), "still running after SIGKILL"));
            return Optional.empty();
        }
        daemons.forget();
        if (how.isPresent()) {
            stopped.add(new StopResult.Stopped(daemon.pid(), how.get(), true));
            return Optional.empty();
        }
        return Optional.of(new StopResult.StaleState(layout.daemonStatePath(),
                "The KTX daemon's process " + daemon.pid() + " is gone"));
    }

    private Optional<StopResult.StaleState> stopUnrecorded(DaemonState.Unrecorded unrecorded,
            List<StopResult.Stopped> stopped, List<StopResult.Failed> failed) throws IOException, InterruptedException {
        int failedBefore = failed.size();
        stopper.stopUnrecorded(unrecorded.processes(), stopped, failed);
        if (failed.size() > failedBefore) {
            // Kept: without it, status would no longer search the process table, and install would not
            // see the survivor and could remove its runtime from under it.
            return Optional.empty();
        }
        daemons.forget();
        return Optional.of(new StopResult.StaleState(unrecorded.stateFile(), unrecorded.reason()));
    }
}
