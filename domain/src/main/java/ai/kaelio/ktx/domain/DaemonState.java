package ai.kaelio.ktx.domain;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether this version's daemon runs, judged from {@code daemon.json} and the process it names, without
 * talking to the daemon: cheap enough for status. Each state is its own type. Only when no valid
 * {@code daemon.json} can say (it is damaged, or a start was cut short) is the process table searched.
 */
public sealed interface DaemonState {

    /** Where {@code daemon.json} is (or would be). */
    Path statePath();

    Kind kind();

    String detail();

    /** The recorded daemon, when {@code daemon.json} could be read. */
    Optional<DaemonRecord> record();

    /**
     * The pids of this runtime's daemon processes known to run, recorded or not: what install must not
     * remove the environment from under, and prune must not delete.
     */
    List<Long> runningPids();

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

        public List<Long> runningPids() {
            return List.of();
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

        public List<Long> runningPids() {
            return List.of(daemon.pid());
        }
    }

    /** A state file that no longer describes a running daemon: the process died, or the pid is someone else's. */
    record Stale(Path statePath, Optional<DaemonRecord> record, String detail) implements DaemonState {
        public Kind kind() {
            return Kind.STALE;
        }

        public List<Long> runningPids() {
            return List.of();
        }
    }

    /**
     * No valid {@code daemon.json} describes the daemon: the file is damaged, or a start was cut short before
     * writing it. The process table is then the only witness: {@code processes} are the live
     * {@code ktx-daemon}s launched from this runtime. Their token is lost, so ktx cannot use them, only stop
     * them; hence stale, like a daemon that does not answer: start replaces them, stop ends them.
     *
     * @param stateFile what gave them away: the damaged {@code daemon.json}, or the marker a start leaves
     *                  until it has recorded its daemon
     * @param reason    why no record describes them
     */
    record Unrecorded(Path statePath, Path stateFile, String reason, List<ProcessSnapshot> processes) implements DaemonState {
        public Unrecorded {
            Objects.requireNonNull(statePath, "statePath");
            Objects.requireNonNull(stateFile, "stateFile");
            Objects.requireNonNull(reason, "reason");
            processes = List.copyOf(processes);
        }

        public Kind kind() {
            return Kind.STALE;
        }

        public String detail() {
            if (processes.isEmpty()) {
                return reason;
            }
            return reason + "; a KTX daemon of this runtime runs unrecorded ("
                    + processes.stream().map(process -> "pid " + process.pid()).collect(Collectors.joining(", ")) + ")";
        }

        public Optional<DaemonRecord> record() {
            return Optional.empty();
        }

        public List<Long> runningPids() {
            return processes.stream().map(ProcessSnapshot::pid).toList();
        }
    }
}
