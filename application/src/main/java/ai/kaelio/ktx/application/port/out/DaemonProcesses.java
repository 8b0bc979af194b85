package ai.kaelio.ktx.application.port.out;

import ai.kaelio.ktx.domain.ProcessSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds, starts and ends daemon processes. Signals go only to the process a snapshot describes: the
 * adapter checks pid and start instant again right before signalling, so a pid that now belongs to
 * another process is never signalled.
 */
public interface DaemonProcesses {

    /** The live process with this pid (a process that has exited but not been reaped counts as gone). */
    Optional<ProcessSnapshot> find(long pid);

    /** Every live process of the current user. */
    List<ProcessSnapshot> listOwn();

    /** This ktx process itself, as {@link #find} would show it to another ktx. */
    ProcessSnapshot current();

    /**
     * Whether snapshots carry command lines, by which a daemon is recognised in a listing. Where they do not
     * (Windows: the JDK reports none), finding no daemon in the table proves nothing.
     */
    boolean showsCommandLines();

    /**
     * Starts the daemon detached: in a session of its own, stdin from the null device, stdout and stderr
     * appended to the log, so that it outlives ktx and no terminal or pipe of ktx's reaches it. Until
     * {@link #release} it is ended if ktx exits, so an interrupted start leaves no orphan behind.
     */
    ProcessSnapshot spawn(Launch launch) throws IOException;

    /** Lets a started daemon outlive ktx. */
    void release(ProcessSnapshot process);

    /** Asks the process to stop (SIGTERM); false if it was not signalled because it is no longer that process. */
    boolean terminate(ProcessSnapshot process);

    /** Ends the process forcibly (SIGKILL); false if it was not signalled because it is no longer that process. */
    boolean kill(ProcessSnapshot process);

    /** Waits until the process is gone; true if it is. A zero timeout only looks. */
    boolean awaitExit(ProcessSnapshot process, Duration timeout) throws InterruptedException;

    /**
     * @param python     the runtime's interpreter, which detaches the daemon before becoming it
     * @param daemon     the {@code ktx-daemon} launcher
     * @param arguments  the daemon's arguments ({@code serve-http …})
     * @param token      the bearer token, handed over in the child's environment, never on its command line
     */
    record Launch(Path python, Path daemon, List<String> arguments, Path log, String token) {
        public Launch {
            Objects.requireNonNull(python, "python");
            Objects.requireNonNull(daemon, "daemon");
            arguments = List.copyOf(arguments);
            Objects.requireNonNull(log, "log");
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "Launch[" + daemon + " " + String.join(" ", arguments) + ", log=" + log + ", token=<redacted>]";
        }
    }
}
