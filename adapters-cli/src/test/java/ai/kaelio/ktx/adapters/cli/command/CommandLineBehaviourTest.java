package ai.kaelio.ktx.adapters.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineBehaviourTest {

    @Test
    void versionPrintsKtxAndTheVersion() {
        var result = new CliHarness().run("--version");

        assertThat(result.code()).isZero();
        assertThat(result.out()).isEqualTo("ktx 0.2.0\n");
    }

    @Test
    void rootHelpListsEveryCommand() {
        var result = new CliHarness().run("--help");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("runtime").contains("install").contains("status").contains("doctor").contains("prune")
                .contains("exec");
    }

    @Test
    void runtimeHelpListsItsCommands() {
        var result = new CliHarness().run("runtime", "--help");

        assertThat(result.out()).contains("install").contains("status").contains("doctor").contains("prune");
    }

    @Test
    void helpShowsTheCommandItsWordsName() {
        var install = new CliHarness().run("help", "runtime", "install");
        var runtime = new CliHarness().run("help", "runtime");
        var root = new CliHarness().run("help");

        assertThat(install.code()).isZero();
        assertThat(install.out()).startsWith("Usage: ktx runtime install").isEqualTo(new CliHarness().run("runtime", "install", "--help").out());
        assertThat(runtime.out()).startsWith("Usage: ktx runtime ").isEqualTo(new CliHarness().run("runtime", "--help").out());
        assertThat(root.out()).startsWith("Usage: ktx ").isEqualTo(new CliHarness().run("--help").out());
    }

    @Test
    void helpForAnUnknownCommandIsAUsageErrorListingTheCommandsThere() {
        var result = new CliHarness().run("help", "runtime", "instal");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("Unknown command 'instal' in 'ktx runtime': choose one of install, status,")
                .contains("See 'ktx runtime --help'.");
        assertThat(new CliHarness().run("help", "runtime", "install", "extra").err())
                .startsWith("'ktx runtime install' has no command 'extra' under it.\n");
    }

    @Test
    void missingSubcommandIsAUsageError() {
        var result = new CliHarness().run("runtime");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("Missing subcommand").contains("See 'ktx runtime --help'.");
    }

    @Test
    void misspelledCommandSuggestsTheRightOne() {
        var result = new CliHarness().run("runtime", "statsu");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("statsu").contains("status");
    }

    @Test
    void unknownOptionIsAUsageError() {
        var result = new CliHarness().run("runtime", "status", "--jsno");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("--jsno");
    }

    @Test
    void unexpectedFailureIsOneSentenceWithoutStackTrace() {
        var result = new CliHarness().install(request -> {
            throw new AccessDeniedException("/root/runtime");
        }).run("runtime", "install");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).startsWith("Permission denied: ")
                .contains("KTX_RUNTIME_ROOT")
                .doesNotContain("\tat ");
        assertThat(result.err().lines()).hasSize(1);
    }

    @Test
    void aFileInTheWayOfTheRuntimeRootIsNamedWithTheFix(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("afile"), "in the way");
        var result = new CliHarness().install(request -> {
            // The system words it in the user's language; the message must not depend on that.
            throw new java.nio.file.FileSystemException(file.resolve("rt/.locks").toString(), null, "Ist kein Verzeichnis");
        }).run("runtime", "install");

        assertThat(result.err()).isEqualTo(file + " is a file where ktx needs a directory."
                + " Remove it, or set KTX_RUNTIME_ROOT to a directory you can write.\n");
    }

    @Test
    void aDirectoryWhereAFileBelongsIsNamedWithTheFix(@TempDir Path dir) throws Exception {
        Path manifest = Files.createDirectories(dir.resolve("manifest.json"));
        var result = new CliHarness().install(request -> {
            throw new java.nio.file.FileSystemException(dir.resolve("manifest.json.tmp").toString(), manifest.toString(), "Ist ein Verzeichnis");
        }).run("runtime", "install");

        assertThat(result.err()).isEqualTo(manifest + " is a directory where ktx keeps a file."
                + " Remove it, or set KTX_RUNTIME_ROOT to a directory you can write.\n");
    }

    @Test
    void permissionDeniedOnAFileToBeCreatedNamesItsDirectory(@TempDir Path dir) {
        var result = new CliHarness().install(request -> {
            throw new AccessDeniedException(dir.resolve(".locks/0.1.0.lock").toString());
        }).run("runtime", "install");

        assertThat(result.err()).isEqualTo("Permission denied: cannot create " + dir.resolve(".locks/0.1.0.lock")
                + ". Fix the permissions of " + dir.resolve(".locks")
                + ", or set KTX_RUNTIME_ROOT to a directory you can write.\n");
    }

    @Test
    void aBugPointsAtTheStackTraceOption() {
        var result = new CliHarness().inspect(() -> {
            throw new IllegalStateException("boom");
        }).run("runtime", "status");

        assertThat(result.err()).isEqualTo("boom\nRun again with --stacktrace for details.\n");
    }

    @Test
    void stacktraceOptionShowsTheStackTraceWhereverItIsGiven() {
        var result = new CliHarness().inspect(() -> {
            throw new IllegalStateException("boom");
        }).run("runtime", "status", "--stacktrace");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).startsWith("boom\n").contains("\tat ");
    }

    @Test
    void interruptionExitsWith130() {
        var result = new CliHarness().install(request -> {
            throw new InterruptedException();
        }).run("runtime", "install");

        assertThat(result.code()).isEqualTo(130);
    }
}
