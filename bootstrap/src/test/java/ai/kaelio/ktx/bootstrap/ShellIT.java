package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell end to end: on a real pseudo-terminal, with stdin piped, and what it costs commands that do not use it. */
class ShellIT {

    @TempDir
    Path dir;

    private KtxRun ktx() {
        return KtxRun.against(dir.resolve("root")).env("XDG_DATA_HOME", dir.resolve("data").toString()).env("TERM", "xterm");
    }

    private Path history() {
        return dir.resolve("data/kaelio/ktx/history");
    }

    @Test
    void plainKtxOnATerminalIsTheShellWithTabCompletionAndHistoryAndCtrlDLeaves() throws Exception {
        try (var terminal = PseudoTerminal.start(ktx())) {
            terminal.waitFor("ktx> ");
            // Two subcommands start with "sta": Tab lists both; "tu" and Tab again completes the one meant.
            terminal.type("runtime sta\t").waitFor("start").waitFor("status");
            terminal.type("tu\t\r").waitFor("status: missing");
            terminal.type("runtime statsu\r").waitFor("Did you mean");
            terminal.type("runtime status --json\r").waitFor("\"kind\": \"missing\"");
            terminal.type("\u0004");

            assertThat(terminal.exitCode()).as("Ctrl-D leaves with 0").isZero();
        }
        assertThat(Files.readAllLines(history())).hasSize(3).last().asString().endsWith(":runtime status --json");
        assertThat(Files.readAllLines(history()).get(0)).endsWith(":runtime status");
    }

    @Test
    void pipedShellRunsOneCommandPerLineAndPrintsOnlyTheirOutput() throws Exception {
        var result = ktx().runWithInput("runtime status\nruntime statsu\nruntime status --json\n", "shell").succeeds();

        assertThat(result.out()).startsWith("KTX Python runtime\nstatus: missing\n");
        String json = result.out().substring(result.out().indexOf('{'));
        assertThat(new ObjectMapper().readTree(json).get("kind").asText()).isEqualTo("missing");
        assertThat(result.err()).contains("statsu").contains("Did you mean");
        assertThat(result.out() + result.err()).doesNotContain("ktx>").doesNotContain("\u001b");
        assertThat(history()).as("no history from a script").doesNotExist();
    }

    @Test
    void plainKtxWithoutATerminalIsAUsageError() throws Exception {
        var result = ktx().run().exits(2);

        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("Usage: ktx").contains("shell");
    }

    @Test
    void completionScriptLoadsIntoBash() throws Exception {
        Path script = Files.writeString(dir.resolve("ktx.bash"), ktx().run("completion", "bash").succeeds().out());

        Process bash = new ProcessBuilder("bash", "-c", "source " + script + " && complete -p ktx").redirectErrorStream(true).start();

        assertThat(new String(bash.getInputStream().readAllBytes())).contains(" -F _complete_ktx ktx");
        assertThat(bash.waitFor()).isZero();
    }

    @Test
    void statusNeverLoadsTheTerminalLibraryWhileTheShellDoes() throws Exception {
        Path statusClasses = dir.resolve("status-classes.log");
        Path shellClasses = dir.resolve("shell-classes.log");

        ktx().env("KTX_JAVA_OPTS", "-Xlog:class+load=info:file=" + statusClasses).run("runtime", "status").succeeds();
        ktx().env("KTX_JAVA_OPTS", "-Xlog:class+load=info:file=" + shellClasses).runWithInput("runtime status\n", "shell").succeeds();

        assertThat(Files.readString(shellClasses)).as("the check can see JLine").contains("org.jline.");
        assertThat(Files.readString(statusClasses)).contains("ai.kaelio.ktx.adapters.cli.command.StatusCommand").doesNotContain("org.jline.");
    }
}
