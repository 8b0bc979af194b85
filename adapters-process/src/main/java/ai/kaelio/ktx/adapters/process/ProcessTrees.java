package ai.kaelio.ktx.adapters.process;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.listener.ProcessListener;

/**
 * Ends a child together with everything it started. pip and uv spawn helpers of their own; stopping only
 * the direct child would leave those running and writing into the environment.
 */
final class ProcessTrees {

    private static final long GRACE_MILLIS = 2_000;
    private static final long WATCH_MILLIS = 200;
    /** How long output may keep flowing once the child itself has exited. */
    private static final long CLOSE_TIMEOUT_SECONDS = 2;
    private static final Set<Tree> RUNNING = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean WATCHING = new AtomicBoolean();
    /** Open once ktx has begun to exit: a child's death from a stop signal is then ktx's own end (see StopSignalDeaths). */
    private static final CountDownLatch EXITING = new CountDownLatch(1);
    private static final StopSignalDeaths STOP_SIGNAL_DEATHS =
            new StopSignalDeaths(EXITING, StopSignalDeaths.WINDOW, StopSignalDeaths.EXIT_WAIT);

    static {
        // SIGTERM, a forced exit after Ctrl-C, or any other exit, while children run.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            EXITING.countDown();
            RUNNING.forEach(Tree::end);
        }, "ktx-end-children"));
    }

    private ProcessTrees() {
    }

    /**
     * A zt-exec executor for a command whose whole tree ends with it: when the waiting thread is interrupted
     * (Ctrl-C) zt-exec calls the stopper, which ends the tree. The close timeout keeps ktx from waiting
     * forever on output pipes that an orphaned grandchild still holds open (zt-exec's own wait for them
     * cannot be interrupted). Here rather than in CommandRunner: Guice reflects on every method of the
     * classes it binds, and a zt-exec type in CommandRunner's signatures would load zt-exec in every
     * command, status included; for the same reason {@link Tree} names no zt-exec type.
     */
    static ProcessExecutor executor(List<String> command, Map<String, String> environment, Tree tree) {
        return new ProcessExecutor()
                .command(command)
                .environment(environment)
                .redirectInput(java.io.InputStream.nullInputStream())
                .exitValueAny()
                .closeTimeout(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .stopper(process -> tree.end())
                .addListener(new ProcessListener() {
                    @Override
                    public void afterStart(Process process, ProcessExecutor executor) {
                        tree.started(process);
                    }

                    @Override
                    public void afterStop(Process process) {
                        tree.stopped();
                    }
                });
    }

    /**
     * One command's child and every descendant seen while it ran. Descendants are looked up as the child
     * runs, not only when it is stopped: on a terminal, Ctrl-C signals the child directly, and a grandchild
     * that ignores the signal is re-parented as soon as the child dies, after which no lookup finds it.
     * (One started less than a watch period before such a death can still escape.)
     */
    static final class Tree {

        private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();
        private volatile Process process;

        private void started(Process child) {
            process = child;
            RUNNING.add(this);
            watch();
        }

        private void stopped() {
            RUNNING.remove(this);
        }

        /** Ends the child, its descendants and whatever it left behind; safe to call more than once. */
        void end() {
            Process current = process;
            if (current != null) {
                ProcessTrees.end(current, seen);
            }
        }

        private void look() {
            Process current = process;
            if (current != null && current.isAlive()) {
                current.descendants().forEach(seen::add);
            }
        }
    }

    /** Judges a child's exit before it is reported: see {@link StopSignalDeaths}. */
    static StopSignalDeaths stopSignalDeaths() {
        return STOP_SIGNAL_DEATHS;
    }

    static void end(Process process) {
        end(process, Set.of());
    }

    private static void end(Process process, Collection<ProcessHandle> seenBefore) {
        ProcessHandle root = process.toHandle();
        // Collect descendants first: once the parent dies they are re-parented and no longer found.
        Set<ProcessHandle> tree = new LinkedHashSet<>(root.descendants().toList());
        tree.addAll(seenBefore);
        // A handle knows its process's start time, so a pid reused since is never signalled.
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

    /** One daemon thread, started with the first child, notes the descendants of every running child. */
    private static void watch() {
        if (!WATCHING.compareAndSet(false, true)) {
            return;
        }
        Thread watcher = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(WATCH_MILLIS);
                    RUNNING.forEach(Tree::look);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ktx-process-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
