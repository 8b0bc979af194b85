package ai.kaelio.ktx.application.port.out;

import ai.kaelio.ktx.domain.DaemonRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files of a daemon: its state ({@code daemon.json}, which holds the token and so is the user's
 * alone), the ready file it writes once it listens, and its log.
 */
public interface DaemonFiles {

    /** Never throws for bad content: whatever is wrong with the file becomes {@link Invalid}. */
    StateRead readState(Path statePath);

    /** Replaces the state atomically, readable and writable by the owner only. */
    void writeState(Path statePath, DaemonRecord record) throws IOException;

    /** Removes the state if it is there. */
    void deleteState(Path statePath) throws IOException;

    /**
     * Leaves the marker of a start whose daemon is not in {@code daemon.json} yet. Written before the
     * spawn and removed only once the record is written or the daemon ended, so a ktx killed at any moment
     * of a start leaves one or the other. Holds nothing: where it is, it says "look for the daemon".
     */
    void markStarting(Path marker) throws IOException;

    /** Whether a start's marker is there; true also when that cannot be told, since a daemon may run. */
    boolean isMarkedStarting(Path marker);

    /** Removes the marker if it is there. */
    void unmarkStarting(Path marker) throws IOException;

    /**
     * Gets a run ready: the daemon's directory exists and only the owner may enter it, no ready file is
     * left from an earlier run, and the log is a new, empty, owner-only file.
     */
    void prepareRun(Path daemonDir, Path readyFile, Path log) throws IOException;

    /** The ready file once it is complete; empty while it is absent or unreadable. */
    Optional<ReadyFile> readReady(Path readyFile);

    /** The last lines of a log, for an error message; empty if it cannot be read. */
    List<String> tail(Path log, int lines);

    sealed interface StateRead {
    }

    record Absent() implements StateRead {
    }

    record Invalid(String reason) implements StateRead {
    }

    record Present(DaemonRecord record) implements StateRead {
    }

    /** What a daemon announces once it listens. */
    record ReadyFile(long pid, String host, int port, String version) {
    }
}
