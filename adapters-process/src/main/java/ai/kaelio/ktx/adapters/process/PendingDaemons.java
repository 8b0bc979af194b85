package ai.kaelio.ktx.adapters.process;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Daemons spawned but not yet recorded. If ktx exits before recording one (Ctrl-C while it starts), the
 * daemon is ended with it rather than left running where no state file names it.
 */
final class PendingDaemons {

    private static final Map<Long, Process> PENDING = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PendingDaemons::endAll, "ktx-end-pending-daemons"));
    }

    private PendingDaemons() {
    }

    static Process started(Process process) {
        PENDING.put(process.pid(), process);
        // One that never came up leaves no entry behind in a long-lived ktx (the shell).
        process.onExit().thenRun(() -> PENDING.remove(process.pid(), process));
        return process;
    }

    static void release(long pid) {
        PENDING.remove(pid);
    }

    private static void endAll() {
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
