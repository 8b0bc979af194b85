package ai.kaelio.ktx.application.port.in;

import java.nio.file.Path;
import java.util.List;

/**
 * What stop did: the daemons it stopped, the ones it could not, and whether it removed a state file that
 * no longer described a running daemon.
 */
public record StopResult(Path statePath, List<Stopped> stopped, List<Failed> failed, boolean staleStateRemoved) {

    public StopResult {
        stopped = List.copyOf(stopped);
        failed = List.copyOf(failed);
    }

    public boolean nothingRunning() {
        return stopped.isEmpty() && failed.isEmpty();
    }

    /** How a daemon went: it shut down when asked, on SIGTERM, or only when killed. */
    public enum How {
        SHUTDOWN, TERMINATED, KILLED
    }

    /** {@code recorded}: the daemon {@code daemon.json} named; otherwise one found by {@code --all}. */
    public record Stopped(long pid, How how, boolean recorded) {
    }

    public record Failed(long pid, String reason) {
    }
}
