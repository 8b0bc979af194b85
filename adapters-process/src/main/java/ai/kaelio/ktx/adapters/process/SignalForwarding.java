package ai.kaelio.ktx.adapters.process;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * While a foreground child runs, ktx must outlive it and exit with its code. By default the JVM ends on
 * SIGINT and SIGTERM (exit 130 / 143) and would leave the child behind. So, until {@link #close}:
 * <ul>
 * <li>SIGINT is ignored: a terminal's Ctrl-C already reaches the child, which shares ktx's process group;
 * forwarding it would deliver it twice.</li>
 * <li>SIGTERM (and SIGHUP) are passed on to the child (SIGTERM, via {@link ProcessHandle#destroy}); one that
 * arrives before the child has started is passed on as soon as it starts.</li>
 * </ul>
 * sun.misc.Signal (module jdk.unsupported) is the JDK's only way to handle a signal without exiting.
 */
final class SignalForwarding implements AutoCloseable {

    private static final List<String> PASSED_ON = List.of("TERM", "HUP");

    private final AtomicReference<ProcessHandle> child = new AtomicReference<>();
    private final AtomicBoolean terminationRequested = new AtomicBoolean();
    private final List<Restore> restores = new ArrayList<>();

    private SignalForwarding() {
    }

    static SignalForwarding install() {
        SignalForwarding forwarding = new SignalForwarding();
        forwarding.handle("INT", signal -> {
        });
        PASSED_ON.forEach(name -> forwarding.handle(name, signal -> forwarding.requestTermination()));
        return forwarding;
    }

    void forwardTo(Process process) {
        child.set(process.toHandle());
        if (terminationRequested.get()) {
            process.toHandle().destroy();
        }
    }

    private void requestTermination() {
        terminationRequested.set(true);
        ProcessHandle handle = child.get();
        if (handle != null) {
            handle.destroy();
        }
    }

    private void handle(String name, SignalHandler handler) {
        try {
            Signal signal = new Signal(name);
            restores.add(new Restore(signal, Signal.handle(signal, handler)));
        } catch (IllegalArgumentException e) {
            // This platform lacks the signal (Windows has no HUP) or the JVM reserves it (-Xrs): nothing to handle.
        }
    }

    /** Puts the JVM's own handlers back, so ktx behaves as before once the child has ended. */
    @Override
    public void close() {
        restores.forEach(restore -> Signal.handle(restore.signal(), restore.previous()));
        restores.clear();
    }

    private record Restore(Signal signal, SignalHandler previous) {
    }
}
