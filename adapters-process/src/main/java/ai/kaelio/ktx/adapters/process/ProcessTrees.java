package ai.kaelio.ktx.adapters.process;

import java.util.List;
import java.util.Map;
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

    /**
     * A zt-exec executor for a command whose whole tree ends with it. Here rather than in CommandRunner:
     * Guice reflects on every method of the classes it binds, and a zt-exec type in CommandRunner's
     * signatures would load zt-exec in every command, status included.
     */
    static ProcessExecutor executor(List<String> command, Map<String, String> environment) {
        return new ProcessExecutor()
                .command(command)
                .environment(environment)
                .redirectInput(java.io.InputStream.nullInputStream())
                .exitValueAny()
                .stopper(STOPPER)
                .addListener(ENDED_ON_EXIT);
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
