package ai.kaelio.ktx.adapters.process;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A child that died of SIGHUP, SIGINT or SIGTERM usually got the signal together with ktx: a terminal's
 * Ctrl-C or hang-up, or a {@code kill} of ktx's whole process group. Reported as the child's own failure,
 * that would blame pip or the interpreter ("did not answer as a Python interpreter") for ktx being stopped.
 * The signal reaches ktx and the child at the same moment, but ktx learns of the child's death on one
 * thread and of its own signal on another, in either order; so after such a death this waits a moment to
 * see which it was:
 * <ul>
 * <li>ktx is exiting (its shutdown hook ran: SIGTERM, SIGHUP, or an exit forced after Ctrl-C): nothing is
 * reported at all; this thread waits for the exit, and the signal's handler says why ktx ends;</li>
 * <li>the waiting thread is interrupted (Ctrl-C cancels the running command): {@link InterruptedException},
 * as for any cancellation;</li>
 * <li>neither within the window: the signal was the child's alone (someone killed pip), and its failure is
 * reported as usual.</li>
 * </ul>
 */
final class StopSignalDeaths {

    /** What the JVM reports for a child killed by a signal: 128 plus the signal's number. */
    private static final int KILLED_BY = 128;
    private static final int SIGHUP = 1;
    private static final int SIGINT = 2;
    private static final int SIGTERM = 15;
    /** Longer than a loaded machine takes to run ktx's own handler; paid only when a child dies of a stop signal alone. */
    static final Duration WINDOW = Duration.ofSeconds(2);
    /** Far longer than ktx's exit takes; a JVM still alive after that gets an interruption rather than silence. */
    static final Duration EXIT_WAIT = Duration.ofSeconds(60);

    private final CountDownLatch exiting;
    private final Duration window;
    private final Duration exitWait;

    StopSignalDeaths(CountDownLatch exiting, Duration window, Duration exitWait) {
        this.exiting = exiting;
        this.window = window;
        this.exitWait = exitWait;
    }

    static boolean diedOfStopSignal(int exitCode) {
        return exitCode == KILLED_BY + SIGHUP || exitCode == KILLED_BY + SIGINT || exitCode == KILLED_BY + SIGTERM;
    }

    /**
     * Returns when a child's exit may be reported as its own failure; throws when ktx was cancelled, or holds
     * the thread while ktx exits (see the class comment).
     */
    void judge(int exitCode) throws InterruptedException {
        if (!diedOfStopSignal(exitCode) || !exiting.await(window.toMillis(), TimeUnit.MILLISECONDS)) {
            return;
        }
        holdWhileExiting();
    }

    private void holdWhileExiting() throws InterruptedException {
        long deadline = System.nanoTime() + exitWait.toNanos();
        // Interrupts are ignored: whatever this thread went on to do, cleaning up or reporting, would race the exit.
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(Math.max(1, Math.min(1_000, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                // Keep waiting.
            }
        }
        throw new InterruptedException("ktx was stopped by a signal and has not exited");
    }
}
