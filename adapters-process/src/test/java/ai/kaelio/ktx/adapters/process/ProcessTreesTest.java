package ai.kaelio.ktx.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.testing.ProcessWaits;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcessTreesTest {

    private Process shell;
    private List<ProcessHandle> tree = List.of();

    @AfterEach
    void cleanUp() {
        tree.forEach(ProcessHandle::destroyForcibly);
        if (shell != null) {
            shell.destroyForcibly();
        }
    }

    @Test
    void endStopsTheChildAndItsGrandchildren() throws Exception {
        shell = new ProcessBuilder("sh", "-c", "sleep 300 & sleep 301 & wait").start();
        tree = awaitDescendants(shell, 2);
        assertThat(tree).allSatisfy(handle -> assertThat(handle.info().command()).hasValueSatisfying(
                command -> assertThat(command).endsWith("sleep")));

        ProcessTrees.end(shell);

        assertThat(shell.waitFor(5, TimeUnit.SECONDS)).isTrue();
        for (ProcessHandle sleep : tree) {
            assertThat(ProcessWaits.awaitEnded(sleep.pid(), Duration.ofSeconds(5))).as("sleep %d survived", sleep.pid()).isTrue();
        }
    }

    @Test
    void endForcesAChildThatIgnoresTheGentleSignal() throws Exception {
        shell = new ProcessBuilder("sh", "-c", "trap '' TERM; sleep 302 & wait; wait").start();
        tree = awaitDescendants(shell, 1);
        long started = System.nanoTime();

        ProcessTrees.end(shell);

        assertThat(shell.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessWaits.awaitEnded(tree.get(0).pid(), Duration.ofSeconds(5))).isTrue();
        // The ignored signal inherited by the grandchild costs the grace period, not more.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    private static List<ProcessHandle> awaitDescendants(Process process, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> descendants = process.descendants().toList();
            if (descendants.size() >= count) {
                return descendants;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the shell did not start " + count + " children: " + process.descendants().toList());
    }
}
