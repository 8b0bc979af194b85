package ai.kaelio.ktx.application.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Waiting for real processes to end, for the adapter and end-to-end tests of every module. */
public final class ProcessWaits {

    private ProcessWaits() {
    }

    /**
     * Whether a process has ended, counting a zombie as ended: what PID 1 does with an orphan is not ours
     * to test, and some container inits reap only every few seconds.
     */
    public static boolean awaitEnded(long pid, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        do {
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isEmpty() || !handle.get().isAlive() || isZombie(pid)) {
                return true;
            }
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        return false;
    }

    /** A process that has exited but not been reaped yet (Linux; false where /proc is not there). */
    public static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
