package ai.kaelio.ktx.application.port.in;

import ai.kaelio.ktx.domain.DaemonRecord;
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

    /** The daemon did not come up (or not as asked); the last lines of its log say why. */
    record Failed(String reason, Path log, List<String> logTail) implements StartResult {
        public Failed {
            logTail = List.copyOf(logTail);
        }
    }
}
