package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.application.port.in.StopResult;
import ai.kaelio.ktx.application.port.out.DaemonClient;
import ai.kaelio.ktx.application.port.out.DaemonProcesses;
import ai.kaelio.ktx.domain.DaemonEndpoint;
import ai.kaelio.ktx.domain.ProcessSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * Stops a daemon process that the caller has verified is one: asks it to shut down when its endpoint
 * and token are known, then SIGTERM, then SIGKILL, each given its time. Signals go through
 * {@link DaemonProcesses}, which re-checks pid and start instant before sending any.
 */
final class DaemonStopper {

    private final DaemonProcesses processes;
    private final DaemonClient client;
    private final DaemonTimeouts timeouts;

    DaemonStopper(DaemonProcesses processes, DaemonClient client, DaemonTimeouts timeouts) {
        this.processes = processes;
        this.client = client;
        this.timeouts = timeouts;
    }

    /** How it went, or empty if the process outlived even SIGKILL. */
    Optional<StopResult.How> stop(ProcessSnapshot process, Optional<DaemonEndpoint> endpoint) throws InterruptedException {
        if (endpoint.isPresent() && client.requestShutdown(endpoint.get())
                && processes.awaitExit(process, timeouts.shutdown())) {
            return Optional.of(StopResult.How.SHUTDOWN);
        }
        processes.terminate(process);
        if (processes.awaitExit(process, timeouts.terminate())) {
            return Optional.of(StopResult.How.TERMINATED);
        }
        processes.kill(process);
        if (processes.awaitExit(process, timeouts.kill())) {
            return Optional.of(StopResult.How.KILLED);
        }
        return Optional.empty();
    }

    /**
     * Stops daemons found in the process table rather than recorded ({@code stop --all}, or a daemon whose
     * record is damaged or was never written): their token is unknown, so SIGTERM, then SIGKILL. Each one
     * goes to {@code stopped} (as not recorded) or to {@code failed} with the reason.
     */
    void stopUnrecorded(List<ProcessSnapshot> found, List<StopResult.Stopped> stopped, List<StopResult.Failed> failed)
            throws InterruptedException {
        for (ProcessSnapshot process : found) {
            if (process.startedAt().isEmpty()) {
                failed.add(new StopResult.Failed(process.pid(), "its start time is unknown, so it cannot be told from a reused pid"));
                continue;
            }
            Optional<StopResult.How> how = stop(process, Optional.empty());
            if (how.isPresent()) {
                stopped.add(new StopResult.Stopped(process.pid(), how.get(), false));
            } else {
                failed.add(new StopResult.Failed(process.pid(), "still running after SIGKILL"));
            }
        }
    }

    /** For a daemon that never became ready: no one to ask, so SIGTERM briefly, then SIGKILL. True once it is gone. */
    boolean end(ProcessSnapshot process) throws InterruptedException {
        processes.terminate(process);
        if (processes.awaitExit(process, timeouts.terminate())) {
            return true;
        }
        processes.kill(process);
        return processes.awaitExit(process, timeouts.kill());
    }
}
