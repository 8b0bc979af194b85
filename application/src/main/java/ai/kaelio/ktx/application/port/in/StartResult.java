package ai.kaelio.ktx.application.port.in;

import ai.kaelio.ktx.domain.DaemonRecord;
import ai.kaelio.ktx.domain.RuntimeStatus;
import java.nio.file.Path;
import java.util.List;

/** How a start ended. A runtime that may not be installed, or a daemon that would not come up, are outcomes. */
public sealed interface StartResult {

    /** A new daemon runs and {@code daemon.json} at {@code statePath} records it. */
    record Started(DaemonRecord daemon, Path statePath) implements StartResult {
    }

    /** A healthy daemon of this runtime with the requested features was already running. */
    record Reused(DaemonRecord daemon, Path statePath) implements StartResult {
    }

    /** The runtime is not ready and was not (or could not be) installed. */
    record RuntimeUnavailable(EnsureResult ensure) implements StartResult {
    }

    /**
     * A daemon runs that does not serve what was asked ({@code shortfall} says how), and replacing it needs
     * the runtime reinstalled under it: the user decides, with {@code --force} or a stop.
     */
    record DaemonInTheWay(DaemonRecord daemon, String shortfall) implements StartResult {
    }

    /** Another command changed the runtime between its install and the daemon's start; it now is {@code runtime}. */
    record RuntimeChanged(RuntimeStatus runtime) implements StartResult {
    }

    /** The daemon did not come up (or not as asked); the last lines of its log say why. */
    record Failed(String reason, Path log, List<String> logTail) implements StartResult {
        public Failed {
            logTail = List.copyOf(logTail);
        }
    }
}
