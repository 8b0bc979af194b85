package ai.kaelio.ktx.adapters.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.adapters.cli.shell.ShellSession;
import ai.kaelio.ktx.domain.RuntimeStatus;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code ktx shell} with stdin not a terminal, and plain {@code ktx}, through the real command tree. */
class ShellCommandTest {

    private static final String STATUS = new CliHarness().inspect(ShellCommandTest::missing).run("runtime", "status").out();

    @Test
    void pipedShellRunsOneCommandPerLineAndPrintsOnlyTheirOutput() {
        var result = new CliHarness().inspect(ShellCommandTest::missing)
                .stdin("runtime status\n\n# a comment\n  runtime   status  \n")
                .run("shell");

        assertThat(result.code()).isZero();
        assertThat(result.out()).isEqualTo(STATUS + STATUS);
        assertThat(result.err()).isEmpty();
    }

    @Test
    void aFailingLineIsReportedAndTheNextLineStillRuns() {
        var result = new CliHarness().inspect(ShellCommandTest::missing)
                .stdin("runtime statsu\nruntime status\n")
                .run("shell");

        assertThat(result.code()).as("end of input is a normal end").isZero();
        assertThat(result.err()).contains("statsu").contains("Did you mean").contains("runtime status");
        assertThat(result.out()).isEqualTo(STATUS);
    }

    @Test
    void exitAndQuitEndTheShellAndNothingAfterThemRuns() {
        for (String word : new String[] {"exit", "quit"}) {
            AtomicInteger calls = new AtomicInteger();
            var result = new CliHarness().inspect(() -> {
                calls.incrementAndGet();
                return missing();
            }).stdin("runtime status\n" + word + "\nruntime status\n").run("shell");

            assertThat(result.code()).isZero();
            assertThat(calls).as(word).hasValue(1);
        }
    }

    @Test
    void linesMayStartWithKtxAsTheyWouldInTheUsersShell() {
        var result = new CliHarness().inspect(ShellCommandTest::missing).stdin("ktx runtime status\n").run("shell");

        assertThat(result.out()).isEqualTo(STATUS);
    }

    @Test
    void aShellInsideTheShellIsRefused() {
        var result = new CliHarness().stdin("shell\n").run("shell");

        assertThat(result.code()).isZero();
        assertThat(result.err()).isEqualTo(ShellSession.NESTED + "\n");
    }

    @Test
    void helpListsTheWholeTreeAndHowToLeave() {
        var result = new CliHarness().stdin("help\n").run("shell");

        assertThat(result.out()).contains("runtime").contains("status").contains("shell").contains("completion")
                .endsWith(ShellSession.SHELL_HELP + "\n");
    }

    @Test
    void ctrlCDuringACommandStopsAPipedShellWith130() {
        AtomicInteger statusCalls = new AtomicInteger();
        var result = new CliHarness()
                .install(request -> {
                    throw new InterruptedException();
                })
                .inspect(() -> {
                    statusCalls.incrementAndGet();
                    return missing();
                })
                .stdin("runtime install\nruntime status\n").run("shell");

        assertThat(result.code()).isEqualTo(130);
        assertThat(statusCalls).hasValue(0);
    }

    @Test
    void plainKtxWithoutATerminalIsAUsageErrorThatShowsTheUsage() {
        var result = new CliHarness().run();

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("Missing command:").contains("Usage: ktx").contains("shell").contains("runtime");
    }

    @Test
    void completionPrintsABashScriptThatKnowsCommandsOptionsAndValues() {
        var result = new CliHarness().run("completion", "bash");

        assertThat(result.code()).isZero();
        assertThat(result.out()).contains("complete -F").contains("runtime").contains("install")
                .contains("--provisioner").contains("local-embeddings");
        assertThat(new CliHarness().run("completion", "zsh").out()).as("zsh runs the same script via bashcompinit")
                .isEqualTo(result.out()).contains("bashcompinit");
    }

    @Test
    void completionForAnUnknownShellIsAUsageError() {
        var result = new CliHarness().run("completion", "fish");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("fish").contains("bash, zsh");
    }

    private static RuntimeStatus missing() {
        return new RuntimeStatus.Missing(CliHarness.LAYOUT);
    }
}
