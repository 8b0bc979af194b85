package ai.kaelio.ktx.application.port.out;

import ai.kaelio.ktx.domain.DaemonRecord;
import ai.kaelio.ktx.domain.ProcessSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
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
     * of a start leaves one or the other. Where it is, it says "look for the daemon"; the ktx process it
     * names tells a start under way from one that ended without removing it.
     */
    void markStarting(Path path, StartMarker marker) throws IOException;

    /**
     * The start's marker if one is there. Also when it cannot be read, or an older ktx left it empty: then
     * with no starter, since a daemon may run all the same.
     */
    Optional<StartMarker> readStartMarker(Path path);

    /** Removes the marker if it is there. */
    void unmarkStarting(Path marker) throws IOException;

    /**
     * Gets a run ready: the daemon's directory exists and only the owner may enter it, no ready file is
     * left from an earlier run, and the log is a new, empty, owner-only file.
     */
    void prepareRun(Path daemonDir, Path readyFile, Path log) throws IOException;

    /** The ready file once it is complete; empty while it is absent or unreadable. */
    Optional<ReadyFile> readReady(Path readyFile);

    /** The path with every symbolic link resolved; empty if it does not exist or cannot be resolved. */
    Optional<Path> realPath(Path path);

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

    /**
     * What a start's marker says: which ktx process left it, when known.
     *
     * @param starter empty when the marker does not tell (an older ktx's empty marker, an unreadable one)
     */
    record StartMarker(Optional<Starter> starter) {
        public StartMarker {
            Objects.requireNonNull(starter, "starter");
        }

        /** The marker of a start by this process; one that names nobody if the system gave it no start. */
        public static StartMarker by(ProcessSnapshot starter) {
            return starter.startedAt()
                    .map(startedAt -> new StartMarker(Optional.of(new Starter(starter.pid(), startedAt, starter.kernelStart()))))
                    .orElseGet(StartMarker::unknown);
        }

        public static StartMarker unknown() {
            return new StartMarker(Optional.empty());
        }
    }

    /**
     * The ktx process of a start: its pid and start, which together identify it.
     *
     * @param kernelStart see {@link ProcessSnapshot#kernelStart()}
     */
    record Starter(long pid, Instant startedAt, Optional<String> kernelStart) {
        public Starter {
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(kernelStart, "kernelStart");
        }
    }
}
