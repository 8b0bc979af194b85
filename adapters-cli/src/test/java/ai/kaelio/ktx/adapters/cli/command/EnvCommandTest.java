package ai.kaelio.ktx.adapters.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.in.ActivationResult;
import ai.kaelio.ktx.application.port.in.EnsureRequest;
import ai.kaelio.ktx.application.port.in.InstallConsent;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.Platform;
import ai.kaelio.ktx.domain.RuntimeActivation;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command's choices and streams; each shell's reading of the script is proven by ShellEnvIT in real shells. */
class EnvCommandTest {

    private static final String AWKWARD = "/r/it's a \"$HOME\" back\\slash Zürich ‘quoted’ 100%";
    private static final RuntimeActivation ACTIVATION = RuntimeActivation.of(
            new HostEnvironment(Platform.LINUX, Map.of("PATH", "/usr/bin:/bin"), Path.of("/home/alex")),
            EnvironmentLayout.of(Platform.LINUX, Path.of(AWKWARD)));

    private final AtomicReference<EnsureRequest> seen = new AtomicReference<>();

    private CliHarness harness(ActivationResult result) {
        return new CliHarness().activate(request -> {
            seen.set(request);
            return result;
        });
    }

    @Test
    void bashGetsExportsInSingleQuotesWithOnlyTheQuoteEscaped() {
        var result = harness(new ActivationResult.Activated(ACTIVATION)).run("runtime", "env", "--shell", "bash");

        assertThat(result.code()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo(
                "export PATH='/r/it'\\''s a \"$HOME\" back\\slash Zürich ‘quoted’ 100%/bin:/usr/bin:/bin'\n"
                + "export VIRTUAL_ENV='/r/it'\\''s a \"$HOME\" back\\slash Zürich ‘quoted’ 100%'\n"
                + "unset PYTHONHOME\n");
        assertThat(seen.get().consent()).isEqualTo(InstallConsent.NEVER);
    }

    @Test
    void fishGetsOneWordPerPathEntryWithBackslashesAndQuotesEscaped() {
        var result = harness(new ActivationResult.Activated(ACTIVATION)).run("runtime", "env", "--shell", "fish");

        assertThat(result.out()).isEqualTo(
                "set -gx PATH '/r/it\\'s a \"$HOME\" back\\\\slash Zürich ‘quoted’ 100%/bin' '/usr/bin' '/bin'\n"
                + "set -gx VIRTUAL_ENV '/r/it\\'s a \"$HOME\" back\\\\slash Zürich ‘quoted’ 100%'\n"
                + "set -e PYTHONHOME\n");
    }

    @Test
    void powershellDoublesEveryKindOfSingleQuote() {
        var result = harness(new ActivationResult.Activated(ACTIVATION)).run("runtime", "env", "--shell", "powershell");

        assertThat(result.out()).isEqualTo(
                "$env:PATH = '/r/it''s a \"$HOME\" back\\slash Zürich ‘‘quoted’’ 100%/bin:/usr/bin:/bin'\n"
                + "$env:VIRTUAL_ENV = '/r/it''s a \"$HOME\" back\\slash Zürich ‘‘quoted’’ 100%'\n"
                + "Remove-Item -ErrorAction SilentlyContinue Env:PYTHONHOME\n");
    }

    @Test
    void cmdGetsABatchFileWithPercentSignsDoubled() {
        var result = harness(new ActivationResult.Activated(ACTIVATION)).run("runtime", "env", "--shell", "cmd");

        assertThat(result.out()).isEqualTo(
                "@set \"PATH=/r/it's a \"$HOME\" back\\slash Zürich ‘quoted’ 100%%/bin:/usr/bin:/bin\"\r\n"
                + "@set \"VIRTUAL_ENV=/r/it's a \"$HOME\" back\\slash Zürich ‘quoted’ 100%%\"\r\n"
                + "@set PYTHONHOME=\r\n");
    }

    @Test
    void jsonIsTheShellCalledJsonAndHoldsTheVariablesAndWhatToUnset() throws Exception {
        String byFlag = harness(new ActivationResult.Activated(ACTIVATION)).run("runtime", "env", "--json").out();
        String byShell = harness(new ActivationResult.Activated(ACTIVATION)).run("runtime", "env", "--shell", "json").out();

        assertThat(byShell).isEqualTo(byFlag);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readValue(byFlag, Map.class)).containsExactly(
                Map.entry("PATH", AWKWARD + "/bin:/usr/bin:/bin"),
                Map.entry("VIRTUAL_ENV", AWKWARD),
                Map.entry("unset", java.util.List.of("PYTHONHOME")));
    }

    @ParameterizedTest
    @CsvSource({"/bin/bash,export", "/usr/bin/zsh,export", "/usr/local/bin/fish,set -gx", "pwsh,$env:",
            "C:\\Program Files\\PowerShell\\7\\pwsh.exe,$env:", "/bin/dash,export", "'',export"})
    void withoutShellTheLoginShellDecides(String shellVariable, String firstWord) {
        var result = harness(new ActivationResult.Activated(ACTIVATION))
                .host(Map.of("SHELL", shellVariable)).run("runtime", "env");

        assertThat(result.out()).startsWith(firstWord);
    }

    @Test
    void yesMayInstallAndItsProgressStaysOffStdout() {
        var result = harness(new ActivationResult.Activated(ACTIVATION)).run("runtime", "env", "--yes");

        assertThat(seen.get().consent()).isEqualTo(InstallConsent.YES);
        assertThat(result.out()).startsWith("export PATH=");
    }

    @Test
    void aRuntimeNotReadyPrintsExecsSentenceOnStderrAndNothingToEvaluate() {
        var result = harness(new ActivationResult.RuntimeUnavailable(CliHarness.notInstalled())).run("runtime", "env");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("KTX Python runtime is required for this command. Run: ktx runtime install --yes\n");
    }

    @Test
    void jsonWithAnotherShellOrAnUnknownShellIsAUsageError() {
        var both = harness(new ActivationResult.Activated(ACTIVATION)).run("runtime", "env", "--json", "--shell", "fish");
        var unknown = harness(new ActivationResult.Activated(ACTIVATION)).run("runtime", "env", "--shell", "tcsh");

        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).startsWith("Choose one output: --json or --shell fish\n");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown shell: tcsh (expected bash, zsh, fish, powershell, cmd, json)");
        assertThat(seen.get()).isNull();
    }
}
