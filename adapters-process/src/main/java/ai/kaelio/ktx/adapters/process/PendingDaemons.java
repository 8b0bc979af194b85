package ai.kaelio.ktx.adapters.process;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Daemons spawned but not yet recorded. If ktx exits before recording one (Ctrl-C while it starts), the
 * daemon is ended with it rather than left running where no state file names it.
 *
 * <p>A daemon is spawned and registered under one lock, which the shutdown hook takes before it ends the
 * registered ones. So a SIGTERM that arrives while the JVM is still spawning (the daemon's process exists,
 * {@link ProcessBuilder#start} has not returned) ends that daemon too: the hook waits for it to be
 * registered. Found by {@code DaemonStateFaultIT} under load, where that window is wider.
 */
final class PendingDaemons {

    private static final Map<Long, Process> PENDING = new ConcurrentHashMap<>();
    private static final Object SPAWNING = new Object();
    /** Set by the shutdown hook: a spawn after it has looked could never be ended. Guarded by SPAWNING. */
    private static boolean exiting;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PendingDaemons::endAll, "ktx-end-pending-daemons"));
    }

    private PendingDaemons() {
    }

    /** Starts a daemon and keeps it to end at exit until {@link #release}d. Refuses once ktx is exiting. */
    static Process start(ProcessBuilder builder) throws IOException {
        synchronized (SPAWNING) {
            if (exiting) {
                throw new IOException("ktx is exiting, so it did not start the daemon");
            }
            Process process = builder.start();
            PENDING.put(process.pid(), process);
            // One that never came up leaves no entry behind in a long-lived ktx (the shell).
            process.onExit().thenRun(() -> PENDING.remove(process.pid(), process));
            return process;
        }
    }

    static void release(long pid) {
        PENDING.remove(pid);
    }

    private static void endAll() {
        synchronized (SPAWNING) {
            exiting = true;
        }
        PENDING.values().forEach(Process::destroy);
        for (Process process : PENDING.values()) {
            try {
                if (!process.waitFor(1, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
