package ai.kaelio.ktx.domain;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether this version's daemon runs, judged from {@code daemon.json} and the process it names, without
 * talking to the daemon: cheap enough for status. Each state is its own type.
 */
public sealed interface DaemonState {

    /** Where {@code daemon.json} is (or would be). */
    Path statePath();

    Kind kind();

    String detail();

    /** The recorded daemon, when {@code daemon.json} could be read. */
    Optional<DaemonRecord> record();

    enum Kind {
        STOPPED, RUNNING, STALE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** No daemon was started, or it was stopped and its state removed. */
    record Stopped(Path statePath) implements DaemonState {
        public Kind kind() {
            return Kind.STOPPED;
        }

        public String detail() {
            return "No KTX daemon is running";
        }

        public Optional<DaemonRecord> record() {
            return Optional.empty();
        }
    }

    /** The recorded process is alive and is the daemon ktx started. */
    record Running(Path statePath, DaemonRecord daemon) implements DaemonState {
        public Kind kind() {
            return Kind.RUNNING;
        }

        public String detail() {
            return "KTX daemon running at " + daemon.url() + " (pid " + daemon.pid() + ")";
        }

        public Optional<DaemonRecord> record() {
            return Optional.of(daemon);
        }
    }

    /** A state file that no longer describes a running daemon: the process died, or the pid is someone else's. */
    record Stale(Path statePath, Optional<DaemonRecord> record, String detail) implements DaemonState {
        public Kind kind() {
            return Kind.STALE;
        }
    }
}
