package ai.kaelio.ktx.adapters.cli.terminal;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C in terminal mode. The JVM's own reaction to SIGINT is to exit at once, running shutdown hooks on
 * the way; the command never learns it was cancelled, so an install could not discard its attempt. This
 * handler interrupts the command's thread instead: zt-exec then ends the provisioner's whole process tree,
 * the install removes its own attempt and releases the lock, and the command returns. A command that does
 * not stop within the grace period, or a second Ctrl-C, ends the JVM the old way (the shutdown hook still
 * ends any child). Either way the exit code is 130.
 *
 * <p>{@code sun.misc.Signal} (module jdk.unsupported) is the JDK's only signal API; JLine would offer the
 * same through reflection, but that would load a terminal library for every command.
 */
public final class CtrlC implements AutoCloseable {

    static final long GRACE_MILLIS = 10_000;
    private static final Signal INT = new Signal("INT");

    private final Thread commandThread;
    private final PrintWriter err;
    private final AtomicBoolean pressed = new AtomicBoolean();
    private final CountDownLatch commandDone = new CountDownLatch(1);
    private final SignalHandler previous;

    private CtrlC(Thread commandThread, PrintWriter err) {
        this.commandThread = commandThread;
        this.err = err;
        SignalHandler installed;
        try {
            installed = Signal.handle(INT, this::onInterrupt);
        } catch (IllegalArgumentException e) {
            // The JVM was started with SIGINT ignored (e.g. `nohup`, a background job): nothing to handle.
            installed = null;
        }
        this.previous = installed;
    }

    /** Interrupts the calling thread on Ctrl-C until closed. */
    public static CtrlC interruptsCurrentThread(PrintWriter err) {
        return new CtrlC(Thread.currentThread(), err);
    }

    public boolean pressed() {
        return pressed.get();
    }

    private void onInterrupt(Signal signal) {
        if (!pressed.compareAndSet(false, true)) {
            exitNow();
        }
        commandThread.interrupt();
        Thread watchdog = new Thread(() -> {
            try {
                if (!commandDone.await(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                    exitNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ktx-ctrl-c");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private void exitNow() {
        err.println("Interrupted.");
        err.flush();
        // Shutdown hooks run: children of ktx are ended (adapters-process), the OS drops file locks.
        System.exit(ExitCodes.INTERRUPTED);
    }

    /** The command has returned; Ctrl-C from now on is the JVM's business again. */
    @Override
    public void close() {
        commandDone.countDown();
        if (previous != null) {
            Signal.handle(INT, previous);
        }
    }
}
