package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prune through the real distribution: what it removes, and everything it must never touch. */
class PruneIT {

    @TempDir
    Path dir;

    @Test
    void removesStaleVersionsAndNothingElse() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        String current = Distribution.version().value();
        Files.createDirectories(root.resolve(current));
        Files.createDirectories(root.resolve("0.0.1/venv-x/lib"));
        Files.writeString(root.resolve("0.0.1/venv-x/lib/file.py"), "x");
        Files.createDirectories(root.resolve("0.0.2"));
        Files.writeString(root.resolve("README.txt"), "not a runtime");
        Files.createDirectories(root.resolve("not-a-version"));
        Path outside = Files.createDirectories(dir.resolve("outside/0.0.3"));
        Files.writeString(outside.resolve("precious.txt"), "keep me");
        Files.createSymbolicLink(root.resolve("0.0.3"), outside);
        KtxRun ktx = KtxRun.against(root);

        var preview = ktx.run("runtime", "prune", "--dry-run").succeeds();
        assertThat(preview.out()).startsWith("Stale KTX Python runtimes\n")
                .contains(root.resolve("0.0.1") + "\n", root.resolve("0.0.2") + "\n")
                .contains("kept " + root.resolve("0.0.3") + " (symbolic link, not followed)");
        assertThat(root.resolve("0.0.1")).isDirectory();

        var refused = ktx.run("runtime", "prune").exits(1);
        assertThat(refused.err()).isEqualTo("Refusing to prune without --yes. Preview with: ktx runtime prune --dry-run\n");

        var removed = ktx.run("runtime", "prune", "--yes").succeeds();
        assertThat(removed.out()).startsWith("Removed stale KTX Python runtimes\n");
        assertThat(root.resolve("0.0.1")).doesNotExist();
        assertThat(root.resolve("0.0.2")).doesNotExist();
        assertThat(root.resolve(current)).isDirectory();
        assertThat(root.resolve("README.txt")).isRegularFile();
        assertThat(root.resolve("not-a-version")).isDirectory();
        assertThat(root.resolve("0.0.3")).isSymbolicLink();
        assertThat(outside.resolve("precious.txt")).hasContent("keep me");

        assertThat(ktx.run("runtime", "prune", "--yes").succeeds().out())
                .startsWith("No stale KTX Python runtimes found under " + root);
    }

    @Test
    void keepsAVersionWhoseInstallHoldsTheLock() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.createDirectories(root.resolve("0.0.9/venv-busy"));
        Path lock = Files.createDirectories(root.resolve(".locks")).resolve("0.0.9.lock");
        // A POSIX record lock from another process, the same kind Java's FileChannel.lock takes.
        Process holder = new ProcessBuilder(TestWheels.python(), "-c", String.join("\n",
                "import fcntl, sys",
                "f = open(sys.argv[1], 'a+')",
                "fcntl.lockf(f, fcntl.LOCK_EX)",
                "print('locked', flush=True)",
                "sys.stdin.read()"), lock.toString()).start();
        try {
            BufferedReader ready = new BufferedReader(new InputStreamReader(holder.getInputStream()));
            assertThat(ready.readLine()).isEqualTo("locked");

            var result = KtxRun.against(root).run("runtime", "prune", "--yes").succeeds();

            assertThat(result.out()).contains("kept " + root.resolve("0.0.9") + " (install in progress)");
            assertThat(root.resolve("0.0.9/venv-busy")).isDirectory();
        } finally {
            holder.destroyForcibly().waitFor();
        }
        assertThat(KtxRun.against(root).run("runtime", "prune", "--yes").succeeds().out())
                .contains(List.of(root.resolve("0.0.9").toString()).get(0));
        assertThat(root.resolve("0.0.9")).doesNotExist();
    }
}
