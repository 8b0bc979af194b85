package ai.kaelio.ktx.adapters.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.adapters.cli.command.CliHarness;
import ai.kaelio.ktx.adapters.cli.terminal.ExitCodes;
import ai.kaelio.ktx.application.port.in.EnsureResult;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.RuntimeStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The application says what happened; these are the sentences, and the commands to type, the CLI makes of it. */
class RuntimeUnavailableOutputTest {

    private static final FeatureSet EMBEDDINGS = FeatureSet.of(Feature.LOCAL_EMBEDDINGS);

    @Test
    void aMissingRuntimeGivesTheContractSentence() {
        assertThat(print(CliHarness.notInstalled()))
                .isEqualTo("KTX Python runtime is required for this command. Run: ktx runtime install --yes\n");
    }

    @Test
    void aBrokenRuntimeSaysWhatIsBrokenAndTheFixNamesTheFeaturesAskedFor() {
        var broken = new RuntimeStatus.Broken(CliHarness.LAYOUT, Optional.empty(), "Missing ktx-daemon executable: /x");

        assertThat(print(new EnsureResult.NotAllowed(broken, EMBEDDINGS))).isEqualTo("KTX Python runtime is broken"
                + " (Missing ktx-daemon executable: /x). Run: ktx runtime install --feature local-embeddings --yes\n");
    }

    @Test
    void aReadyRuntimeLackingAFeatureNamesIt() {
        var ready = new RuntimeStatus.Ready(CliHarness.LAYOUT, CliHarness.manifest(FeatureSet.core()));

        assertThat(print(new EnsureResult.NotAllowed(ready, EMBEDDINGS))).isEqualTo("KTX Python runtime feature"
                + " local-embeddings is required for this command. Run: ktx runtime install --feature local-embeddings --yes\n");
    }

    @Test
    void aDeclinedInstallSaysHowToInstallLater() {
        assertThat(print(new EnsureResult.Declined(EMBEDDINGS)))
                .isEqualTo("Not installing the KTX Python runtime. Run: ktx runtime install --feature local-embeddings --yes\n");
    }

    private static String print(EnsureResult reason) {
        StringWriter err = new StringWriter();
        PrintWriter writer = new PrintWriter(err, true);
        assertThat(RuntimeUnavailableOutput.print(reason, writer, writer)).isEqualTo(ExitCodes.FAILED);
        return err.toString();
    }
}
