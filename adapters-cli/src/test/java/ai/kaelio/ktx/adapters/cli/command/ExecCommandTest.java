package ai.kaelio.ktx.adapters.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.in.EnsureResult;
import ai.kaelio.ktx.application.port.in.ExecRequest;
import ai.kaelio.ktx.application.port.in.ExecResult;
import ai.kaelio.ktx.application.port.in.InstallConsent;
import ai.kaelio.ktx.application.port.in.InstallResult;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ExecCommandTest {

    private final AtomicReference<ExecRequest> seen = new AtomicReference<>();

    private CliHarness harness(ExecResult result) {
        return new CliHarness().exec(request -> {
            seen.set(request);
            return result;
        });
    }

    @Test
    void theCommandsExitCodeIsKtxsAndKtxWritesNothing() {
        var result = harness(new ExecResult.Exited(7)).run("runtime", "exec", "--", "python", "-c", "import sys; sys.exit(7)");

        assertThat(result.code()).isEqualTo(7);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEmpty();
        assertThat(seen.get().command()).containsExactly("python", "-c", "import sys; sys.exit(7)");
    }

    @Test
    void flagsBeforeTheCommandAreKtxsAndEverythingFromTheCommandOnIsItsOwn() {
        harness(new ExecResult.Exited(0)).run("runtime", "exec", "--yes", "--feature", "local-embeddings",
                "python", "-V", "--yes", "--", "--no-input");

        assertThat(seen.get().command()).containsExactly("python", "-V", "--yes", "--", "--no-input");
        assertThat(seen.get().runtime().consent()).isEqualTo(InstallConsent.YES);
        assertThat(seen.get().runtime().features()).isEqualTo(FeatureSet.of(Feature.LOCAL_EMBEDDINGS));
    }

    @Test
    void withoutFlagsTheQuestionGoesToWhoeverAnswersForTheTerminal() throws Exception {
        List<String> asked = new ArrayList<>();
        var cli = harness(new ExecResult.Exited(0)).confirmation(question -> {
            asked.add(question);
            return Optional.of(true);
        });
        cli.run("runtime", "exec", "--", "python", "-V");

        assertThat(seen.get().runtime().consent()).isEqualTo(InstallConsent.ASK);
        assertThat(seen.get().runtime().confirmation().ask("Install? [y/N]")).contains(true);
        assertThat(asked).containsExactly("Install? [y/N]");
    }

    @Test
    void noInputNeverAsks() {
        harness(new ExecResult.Exited(0)).run("runtime", "exec", "--no-input", "--", "python", "-V");

        assertThat(seen.get().runtime().consent()).isEqualTo(InstallConsent.NEVER);
    }

    @Test
    void bothConsentFlagsAreAUsageErrorAndRunNothing() {
        var result = new CliHarness().run("runtime", "exec", "--yes", "--no-input", "--", "python", "-V");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).startsWith("Choose only one runtime install mode: --yes or --no-input\n")
                .contains("See 'ktx runtime exec --help'.");
    }

    @Test
    void noCommandIsAUsageError() {
        var result = new CliHarness().run("runtime", "exec", "--yes");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("COMMAND");
    }

    @Test
    void aCommandNotFoundExits127WithTheSentence() {
        var result = harness(new ExecResult.CommandNotFound("pyhton")).run("runtime", "exec", "--", "pyhton");

        assertThat(result.code()).isEqualTo(127);
        assertThat(result.err()).isEqualTo("Command not found: pyhton\n");
    }

    @Test
    void aCommandThatCannotStartExits126WithTheReason() {
        var result = harness(new ExecResult.CannotStart("tool", "Permission denied")).run("runtime", "exec", "tool");

        assertThat(result.code()).isEqualTo(126);
        assertThat(result.err()).isEqualTo("Cannot run tool: Permission denied\n");
    }

    @Test
    void aRefusedInstallExits1WithTheReasonOnStderr() {
        var result = harness(new ExecResult.RuntimeUnavailable(CliHarness.notInstalled()))
                .run("runtime", "exec", "--no-input", "--", "python", "-V");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("KTX Python runtime is required for this command. Run: ktx runtime install --yes\n");
    }

    @Test
    void aDeclinedInstallExits1WithTheReason() {
        var result = harness(new ExecResult.RuntimeUnavailable(new EnsureResult.Declined(FeatureSet.core())))
                .run("runtime", "exec", "python");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("Not installing the KTX Python runtime. Run: ktx runtime install --yes\n");
    }

    @Test
    void aFailedInstallExits1WithTheInstallReportOnStderrLeavingStdoutToTheCommand() {
        var result = harness(new ExecResult.RuntimeUnavailable(new EnsureResult.InstallFailed(new InstallResult.Failed(
                Path.of("/runtime/0.2.0/install.log"), "pip install x", List.of("no numpy")))))
                .run("runtime", "exec", "--yes", "--feature", "local-embeddings", "python");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).startsWith("Python runtime install failed. Install log: /runtime/0.2.0/install.log\n")
                .contains("  no numpy\n");
    }
}
