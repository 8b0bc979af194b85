package ai.kaelio.ktx.application.port.in;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What stop did: the daemons it stopped, the ones it could not, and the state it removed because that
 * state did not (or no longer) describe a running daemon.
 */
public record StopResult(Path statePath, List<Stopped> stopped, List<Failed> failed, Optional<StaleState> staleState) {

    public StopResult {
        stopped = List.copyOf(stopped);
        failed = List.copyOf(failed);
        Objects.requireNonNull(staleState, "staleState");
    }

    public boolean staleStateRemoved() {
        return staleState.isPresent();
    }

    public boolean nothingRunning() {
        return stopped.isEmpty() && failed.isEmpty();
    }

    /** How a daemon went: it shut down when asked, on SIGTERM, or only when killed. */
    public enum How {
        SHUTDOWN, TERMINATED, KILLED
    }

    /**
     * {@code recorded}: the daemon {@code daemon.json} named; otherwise one found in the process table, by
     * {@code --all} or because no valid {@code daemon.json} named this runtime's daemon.
     */
    public record Stopped(long pid, How how, boolean recorded) {
    }

    public record Failed(long pid, String reason) {
    }

    /** A removed state file ({@code daemon.json}, or the marker of an unfinished start) and why it was stale. */
    public record StaleState(Path file, String reason) {
    }
}
