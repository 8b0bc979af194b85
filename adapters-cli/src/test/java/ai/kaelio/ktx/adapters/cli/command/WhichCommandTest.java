package ai.kaelio.ktx.adapters.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.in.LocateResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WhichCommandTest {

    @Test
    void aFoundProgramIsPrintedAlone() {
        Path python = CliHarness.ENVIRONMENT.pythonPath();
        var result = new CliHarness().locate(command -> new LocateResult.Found(python)).run("runtime", "which", "python");

        assertThat(result.code()).isZero();
        assertThat(result.out()).isEqualTo(python + "\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void aProgramFoundNowhereExits127AsExecWould() {
        var result = new CliHarness().locate(LocateResult.CommandNotFound::new).run("runtime", "which", "nope");

        assertThat(result.code()).isEqualTo(127);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("Command not found: nope\n");
    }

    @Test
    void aRuntimeNotReadyGivesExecsSentence() {
        var result = new CliHarness().locate(command -> new LocateResult.RuntimeUnavailable(CliHarness.notInstalled())).run("runtime", "which", "python");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("KTX Python runtime is required for this command. Run: ktx runtime install --yes\n");
    }

    @Test
    void exactlyOneCommandIsAsked() {
        var none = new CliHarness().run("runtime", "which");
        var two = new CliHarness().run("runtime", "which", "python", "pip");

        assertThat(none.code()).isEqualTo(2);
        assertThat(two.code()).isEqualTo(2);
    }
}
