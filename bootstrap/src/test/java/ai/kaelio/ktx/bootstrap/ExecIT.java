package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ktx runtime exec} through the real distribution, with real children. Tests that only need a
 * ready runtime share one, installed once; those about installing get their own root.
 */
class ExecIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REQUIRED = "KTX Python runtime is required for this command. Run: ktx runtime install --yes";
    /** A child that says when it is ready, and exits 42 (no shell's or JVM's code) when interrupted or terminated. */
    private static final String TRAPPING_CHILD = String.join("\n",
            "import pathlib, signal, sys, time",
            "def stop(number, frame):",
            "    print('child got ' + signal.Signals(number).name, flush=True)",
            "    sys.exit(42)",
            "signal.signal(signal.SIGINT, stop)",
            "signal.signal(signal.SIGTERM, stop)",
            "print('child ready', flush=True)",
            "pathlib.Path(sys.argv[1]).touch()",
            "time.sleep(60)",
            "sys.exit(3)");

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    @BeforeAll
    static void installTheSharedRuntime() throws Exception {
        KtxRun.against(shared.resolve("root")).run("runtime", "install").succeeds();
    }

    private static KtxRun ready() {
        return KtxRun.against(shared.resolve("root"));
    }

    private static JsonNode status(KtxRun ktx) throws Exception {
        return JSON.readTree(ktx.run("runtime", "status", "--json").succeeds().out());
    }

    @Test
    void noInputOnAMissingRuntimeExits1WithTheContractSentenceAndInstallsNothing() throws Exception {
        KtxRun ktx = KtxRun.against(dir.resolve("root"));

        var refused = ktx.run("runtime", "exec", "--no-input", "--", "python", "-V").exits(1);

        assertThat(refused.err()).isEqualTo(REQUIRED + "\n");
        assertThat(refused.out()).isEmpty();
        assertThat(status(ktx).get("kind").asText()).isEqualTo("missing");
    }

    @Test
    void withoutATerminalAndWithoutFlagsNothingIsInstalledSilently() throws Exception {
        KtxRun ktx = KtxRun.against(dir.resolve("root"));

        var refused = ktx.run("runtime", "exec", "--", "python", "-V").exits(1);

        assertThat(refused.err()).isEqualTo(REQUIRED + "\n");
        assertThat(dir.resolve("root")).doesNotExist();
    }

    @Test
    void bothInstallModesAreAUsageError() throws Exception {
        var refused = KtxRun.against(dir.resolve("root")).run("runtime", "exec", "--yes", "--no-input", "--", "python", "-V").exits(2);

        assertThat(refused.err()).startsWith("Choose only one runtime install mode: --yes or --no-input\n");
        assertThat(dir.resolve("root")).doesNotExist();
    }

    @Test
    void yesInstallsAMissingRuntimePassesTheExitCodeThroughAndRepairsABrokenRuntime() throws Exception {
        KtxRun ktx = KtxRun.against(dir.resolve("root"));

        var first = ktx.run("runtime", "exec", "--yes", "--", "python", "-c", "import sys; print('ran'); sys.exit(7)").exits(7);

        assertThat(first.out()).isEqualTo("ran\n");
        assertThat(first.err()).contains("Installing KTX Python runtime");
        JsonNode installed = status(ktx);
        assertThat(installed.get("kind").asText()).isEqualTo("ready");

        Path daemon = Path.of(installed.at("/layout/daemonPath").asText());
        Files.delete(daemon);
        var refused = ktx.run("runtime", "exec", "--no-input", "--", "python", "-V").exits(1);
        assertThat(refused.err()).isEqualTo("KTX Python runtime is broken (Missing ktx-daemon executable: " + daemon
                + "). Run: ktx runtime install --yes\n");

        ktx.run("runtime", "exec", "--yes", "--", "ktx-daemon", "--version").succeeds();
        assertThat(status(ktx).get("kind").asText()).isEqualTo("ready");
    }

    @Test
    void theCommandRunsInTheRuntimeWithItsBinFirstOnPathAndVirtualEnvSet() throws Exception {
        KtxRun ktx = ready().env("PYTHONHOME", "/nonexistent/python-home").env("VIRTUAL_ENV", "/some/other/venv");
        JsonNode layout = status(ktx).get("layout");

        var ran = ktx.run("runtime", "exec", "--no-input", "--", "python", "-c", String.join("; ",
                "import os, sys",
                "print(os.environ['VIRTUAL_ENV'])",
                "print(sys.prefix)",
                "print(os.environ['PATH'].split(os.pathsep)[0])",
                "print(os.environ.get('PYTHONHOME', 'no PYTHONHOME'))")).succeeds();

        String venv = layout.get("venvDir").asText();
        assertThat(ran.out().lines()).containsExactly(venv, venv,
                Path.of(layout.get("pythonPath").asText()).getParent().toString(), "no PYTHONHOME");
    }

    @Test
    void stdinIsPassedThroughToTheCommand() throws Exception {
        var ran = ready().runWithInput("hello from a pipe\n",
                "runtime", "exec", "--no-input", "--", "python", "-c", "import sys; print(sys.stdin.read().upper())").succeeds();

        assertThat(ran.out()).isEqualTo("HELLO FROM A PIPE\n\n");
    }

    @Test
    void theRuntimesOwnProgramsAreFoundOnPathWithOrWithoutTheDoubleDash() throws Exception {
        assertThat(ready().run("runtime", "exec", "--no-input", "--", "ktx-daemon", "--version").succeeds().out())
                .startsWith("ktx-daemon ");
        var version = ready().run("runtime", "exec", "--no-input", "python", "-V").succeeds();
        assertThat(version.out() + version.err()).startsWith("Python 3.");
    }

    @Test
    void aMissingCommandExits127WithTheSentence() throws Exception {
        var missing = ready().run("runtime", "exec", "--no-input", "--", "no-such-command-anywhere", "--flag").exits(127);

        assertThat(missing.err()).isEqualTo("Command not found: no-such-command-anywhere\n");
    }

    // Each reinstall removes the environments it replaced before; never one that a command still runs in.
    @Test
    void aRunningCommandKeepsItsEnvironmentThroughTwoReinstalls() throws Exception {
        KtxRun ktx = KtxRun.against(dir.resolve("root"));
        ktx.run("runtime", "install").succeeds();
        Path readyMarker = dir.resolve("child-ready");
        Path go = dir.resolve("go");
        String child = String.join("\n",
                "import pathlib, sys, time",
                "pathlib.Path(sys.argv[1]).touch()",
                "while not pathlib.Path(sys.argv[2]).exists(): time.sleep(0.05)",
                "import kaelio_ktx",
                "print('imported after the reinstalls', flush=True)");
        var started = ktx.start("runtime", "exec", "--no-input", "--", "python", "-c", child, readyMarker.toString(), go.toString());
        awaitFile(readyMarker, started.process());

        ktx.run("runtime", "install", "--force").succeeds();
        ktx.run("runtime", "install", "--force").succeeds();
        Files.createFile(go);

        assertThat(started.finish().succeeds().out()).contains("imported after the reinstalls");
    }

    @Test
    void sigtermToKtxReachesTheChildAndKtxExitsWithTheChildsCode() throws Exception {
        Path readyMarker = dir.resolve("child-ready");
        var started = ready().start("runtime", "exec", "--no-input", "--", "python", "-c", TRAPPING_CHILD, readyMarker.toString());
        awaitFile(readyMarker, started.process());

        // bin/ktx execs the JVM, so this is SIGTERM to ktx alone, not to its process group.
        started.process().toHandle().destroy();

        var result = started.finish().exits(42);
        assertThat(result.out()).contains("child got SIGTERM");
    }

    @Test
    void ctrlCOnTheTerminalReachesTheChildAndKtxExitsWithTheChildsCode() throws Exception {
        Path readyMarker = dir.resolve("child-ready");
        try (var terminal = PseudoTerminal.start(ready(), "runtime", "exec", "--no-input", "--", "python", "-c",
                TRAPPING_CHILD, readyMarker.toString())) {
            terminal.waitFor("child ready");
            awaitFile(readyMarker, null);

            terminal.type("\u0003");

            assertThat(terminal.exitCode()).as(terminal.screen()).isEqualTo(42);
            assertThat(terminal.screen()).contains("child got SIGINT").doesNotContain("Interrupted");
        }
    }

    @Test
    void aTerminalPromptAnsweredNoInstallsNothing() throws Exception {
        KtxRun ktx = KtxRun.against(dir.resolve("root"));
        try (var terminal = PseudoTerminal.start(ktx, "runtime", "exec", "--", "python", "-c", "print('ran')")) {
            terminal.waitFor("Install the KTX Python runtime (core) now? [y/N]").type("n\n");

            assertThat(terminal.exitCode()).as(terminal.screen()).isEqualTo(1);
            assertThat(terminal.screen()).contains("Not installing the KTX Python runtime. Run: ktx runtime install --yes")
                    .doesNotContain("ran\n");
        }
        assertThat(dir.resolve("root")).doesNotExist();
    }

    @Test
    void aTerminalPromptAnsweredYesInstallsThenRuns() throws Exception {
        KtxRun ktx = KtxRun.against(dir.resolve("root"));
        try (var terminal = PseudoTerminal.start(ktx, "runtime", "exec", "--", "python", "-c", "print('ran in ' + 'the runtime')")) {
            terminal.waitFor("Install the KTX Python runtime (core) now? [y/N]").type("y\n");

            assertThat(terminal.exitCode()).as(terminal.screen()).isZero();
            assertThat(terminal.screen()).contains("ran in the runtime");
        }
        assertThat(status(ktx).get("kind").asText()).isEqualTo("ready");
    }

    @Test
    void aFeatureThatFailsToInstallLeavesTheCoreRuntimeWorkingAndAMissingFeatureIsNamed() throws Exception {
        KtxRun ktx = KtxRun.against(dir.resolve("root"));
        String python = ktx.run("runtime", "install").succeeds().line("python: ");
        Path failingUv = KtxRun.standInUv(dir.resolve("failing-uv"), true);

        var failed = ktx.env("KTX_PROVISIONER", "uv").env("KTX_UV", failingUv.toString())
                .run("runtime", "exec", "--yes", "--feature", "local-embeddings", "--", "python", "-c", "print('ran')").exits(1);

        assertThat(failed.err()).contains("Python runtime install failed. Install log: ").contains("bad python");
        assertThat(failed.out()).isEmpty();
        ktx.env("KTX_PROVISIONER", null).env("KTX_UV", null);
        JsonNode kept = status(ktx);
        assertThat(kept.get("kind").asText()).isEqualTo("ready");
        assertThat(kept.at("/layout/pythonPath").asText()).isEqualTo(python);
        assertThat(kept.at("/manifest/features").toString()).isEqualTo("[\"core\"]");
        assertThat(ktx.run("runtime", "exec", "--no-input", "--", "python", "-c", "print('core still works')").succeeds().out())
                .isEqualTo("core still works\n");

        // Adding it for real (pip installing numpy, ~10 s) is InstallIT's; exec asks install for the union of features.
        var refused = ktx.run("runtime", "exec", "--no-input", "--feature", "local-embeddings", "--", "python", "-V").exits(1);
        assertThat(refused.err()).isEqualTo("KTX Python runtime feature local-embeddings is required for this command. "
                + "Run: ktx runtime install --feature local-embeddings --yes\n");
    }

    /** Waits for a file the child creates once its signal handlers are in place. */
    private static void awaitFile(Path file, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(file)) {
            assertThat(process == null || process.isAlive()).as("ktx still running while its child starts").isTrue();
            assertThat(System.nanoTime()).as("the child became ready within 60 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
