package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything prune must never touch, laid out together under one root. */
class PruneTrapsFaultIT {

    @TempDir
    Path dir;

    @Test
    void pruneRemovesOnlyRealStaleVersionDirectories() throws Exception {
        FaultTally tally = new FaultTally("prune-traps");
        Path root = Files.createDirectories(dir.resolve("root"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path precious = Files.writeString(outside.resolve("precious.txt"), "keep me");
        String current = Distribution.version().value();
        Files.createDirectories(root.resolve(current));

        // A stale version whose tree holds links pointing outside: the links go, their targets stay.
        Path stale = Files.createDirectories(root.resolve("0.0.1/venv-old/lib"));
        Files.createSymbolicLink(stale.resolve("link-to-dir"), outside);
        Files.createSymbolicLink(stale.resolve("link-to-file"), precious);
        Files.createSymbolicLink(root.resolve("0.0.2"), outside);                   // a version-named link
        Files.writeString(root.resolve("0.0.3"), "a version-named plain file");    // a file
        Files.createDirectories(root.resolve("latest"));                            // not a version
        Files.createDirectories(root.resolve("0.0.4-"));                            // not a version either
        Files.createSymbolicLink(root.resolve("0.0.5"), dir.resolve("missing"));   // a dangling link

        KtxRun ktx = KtxRun.against(root);
        var preview = ktx.run("runtime", "prune", "--dry-run").succeeds();
        assertThat(preview.out()).contains(root.resolve("0.0.1").toString());
        assertThat(root.resolve("0.0.1")).isDirectory();
        tally.record("dry run removes nothing");

        var pruned = ktx.run("runtime", "prune", "--yes").succeeds();
        assertThat(pruned.out()).contains("Removed stale KTX Python runtimes\n" + root.resolve("0.0.1") + "\n")
                .contains("kept " + root.resolve("0.0.2") + " (symbolic link, not followed)")
                .contains("kept " + root.resolve("0.0.5") + " (symbolic link, not followed)");
        assertThat(root.resolve("0.0.1")).doesNotExist();
        tally.record("stale version removed");
        assertThat(precious).hasContent("keep me");
        assertThat(outside).isDirectory();
        tally.record("links inside a stale version not followed");
        assertThat(root.resolve("0.0.2")).isSymbolicLink();
        tally.record("version-named link kept");
        assertThat(root.resolve("0.0.5")).isSymbolicLink();
        tally.record("dangling version-named link kept");
        assertThat(root.resolve("0.0.3")).isRegularFile();
        tally.record("plain file kept");
        assertThat(root.resolve("latest")).isDirectory();
        assertThat(root.resolve("0.0.4-")).isDirectory();
        tally.record("names that are not versions kept");
        assertThat(root.resolve(current)).isDirectory();
        tally.record("current version kept");
        tally.publish();
    }
}
