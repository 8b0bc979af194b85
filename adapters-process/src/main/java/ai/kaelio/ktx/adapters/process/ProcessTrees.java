package ai.kaelio.ktx.adapters.process;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.listener.ProcessListener;
import org.zeroturnaround.exec.stop.ProcessStopper;

/**
 * Ends a child together with everything it started. pip and uv spawn helpers of their own; stopping only
 * the direct child would leave those running and writing into the environment.
 */
final class ProcessTrees {

    private static final long GRACE_MILLIS = 2_000;
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    /** Used by zt-exec when the waiting thread is interrupted (Ctrl-C in the shell, cancellation). */
    static final ProcessStopper STOPPER = ProcessTrees::end;

    /** Ends every still-running child if the JVM exits first (Ctrl-C in terminal mode). */
    static final ProcessListener ENDED_ON_EXIT = new ProcessListener() {
        @Override
        public void afterStart(Process process, ProcessExecutor executor) {
            RUNNING.add(process);
        }

        @Override
        public void afterStop(Process process) {
            RUNNING.remove(process);
        }
    };

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ProcessTrees::end), "ktx-end-children"));
    }

    private ProcessTrees() {
    }

    static void end(Process process) {
        ProcessHandle root = process.toHandle();
        // Collect descendants first: once the parent dies they are re-parented and no longer found.
        var tree = root.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        root.destroy();
        try {
            if (!process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                root.destroyForcibly();
            }
        } catch (InterruptedException e) {
            root.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
