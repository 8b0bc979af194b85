package ai.kaelio.ktx.adapters.cli.terminal;

import java.io.PrintWriter;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGTERM in terminal mode. ktx still ends as the JVM would end it, exit 143 with the shutdown hooks ending
 * any child, but first says why in one sentence, {@code Terminated.}, as Ctrl-C says {@code Interrupted.}.
 * Without it, a provisioner step whose child died of the same signal (sent to ktx's whole process group)
 * could be reported as that child's failure in the moment before the JVM exits; adapters-process holds such
 * a step once ktx is exiting, so this sentence is the only one.
 *
 * <p>Unlike Ctrl-C, SIGTERM does not wait for the command to cancel itself: whoever sends it wants ktx gone,
 * and a killed install leaves nothing the next one does not clear (the runtime in use is never touched).
 */
public final class Sigterm implements AutoCloseable {

    private static final String TERM_NAME = "TERM";
    private static final long SAY_MILLIS = 200;

    private final PrintWriter err;
    private final Signal term;
    private final SignalHandler previous;

    private Sigterm(PrintWriter err) {
        this.err = err;
        Signal signal = null;
        SignalHandler installed = null;
        try {
            signal = new Signal(TERM_NAME);
            installed = Signal.handle(signal, this::onTerminate);
        } catch (IllegalArgumentException e) {
            // The JVM reserves the signal (-Xrs) or the platform lacks it: the JVM's own handling stays.
        }
        this.term = signal;
        this.previous = installed;
    }

    /** Until closed, SIGTERM prints {@code Terminated.} on {@code err} and exits 143. */
    public static Sigterm exitsWithMessage(PrintWriter err) {
        return new Sigterm(err);
    }

    private void onTerminate(Signal signal) {
        // Said from a thread of its own, waited for briefly: a command blocked writing to a paused terminal
        // or an unread pipe holds the writer's lock, and SIGTERM must end ktx all the same.
        Thread say = new Thread(() -> {
            err.println("Terminated.");
            err.flush();
        }, "ktx-sigterm-message");
        say.setDaemon(true);
        say.start();
        try {
            say.join(SAY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Shutdown hooks run: children of ktx are ended (adapters-process), the OS drops file locks.
        System.exit(ExitCodes.TERMINATED);
    }

    /** The command has returned; SIGTERM is the JVM's business again. */
    @Override
    public void close() {
        if (previous != null) {
            Signal.handle(term, previous);
        }
    }
}
