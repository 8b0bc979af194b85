package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.domain.RuntimeStatus;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.in.Confirmation;
import ai.kaelio.ktx.application.port.in.EnsureRequest;
import ai.kaelio.ktx.application.port.in.EnsureResult;
import ai.kaelio.ktx.application.port.in.InstallConsent;
import ai.kaelio.ktx.application.port.in.InstallObserver;
import ai.kaelio.ktx.application.testing.FakeRuntime;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnsureRuntimeServiceTest {

    private final FakeRuntime runtime = new FakeRuntime();
    private final List<String> questions = new ArrayList<>();

    private EnsureRuntimeService service() {
        return new EnsureRuntimeService(runtime.inspector(), runtime.assets(), runtime.installService());
    }

    private EnsureResult ensure(FeatureSet features, InstallConsent consent, Optional<Boolean> answer) throws Exception {
        Confirmation confirmation = question -> {
            questions.add(question);
            return answer;
        };
        return service().ensure(new EnsureRequest(features, consent, confirmation, InstallObserver.SILENT));
    }

    @Test
    void readyRuntimeIsUsedWithoutAskingOrInstalling() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());

        var result = ensure(FeatureSet.core(), InstallConsent.NEVER, Optional.empty());

        assertThat(result).isInstanceOf(EnsureResult.Ready.class);
        assertThat(((EnsureResult.Ready) result).installed()).isFalse();
        assertThat(runtime.provisioner().requests()).isEmpty();
    }

    @Test
    void noInputRefusesWithTheContractSentenceAndInstallsNothing() throws Exception {
        var result = ensure(FeatureSet.core(), InstallConsent.NEVER, Optional.of(true));

        assertThat(result).isEqualTo(new EnsureResult.NotAllowed(new RuntimeStatus.Missing(runtime.layout()), FeatureSet.core()));
        assertThat(questions).isEmpty();
        assertThat(runtime.committedManifest()).isEmpty();
    }

    @Test
    void withoutAnyoneToAskNothingIsInstalledSilently() throws Exception {
        var result = ensure(FeatureSet.core(), InstallConsent.ASK, Optional.empty());

        assertThat(result).isInstanceOf(EnsureResult.NotAllowed.class);
        assertThat(runtime.committedManifest()).isEmpty();
    }

    @Test
    void askingAndHearingNoInstallsNothing() throws Exception {
        var result = ensure(FeatureSet.core(), InstallConsent.ASK, Optional.of(false));

        assertThat(questions).containsExactly("Install the KTX Python runtime (core) now? [y/N]");
        assertThat(result).isInstanceOf(EnsureResult.Declined.class);
        assertThat(runtime.committedManifest()).isEmpty();
    }

    @Test
    void askingAndHearingYesInstalls() throws Exception {
        var result = ensure(FeatureSet.core(), InstallConsent.ASK, Optional.of(true));

        assertThat(((EnsureResult.Ready) result).installed()).isTrue();
        assertThat(runtime.committedManifest()).isPresent();
    }

    @Test
    void yesAddsAMissingFeatureKeepingTheInstalledOnes() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());

        var result = ensure(FeatureSet.of(Feature.LOCAL_EMBEDDINGS), InstallConsent.YES, Optional.empty());

        assertThat(((EnsureResult.Ready) result).manifest().features()).isEqualTo(FeatureSet.of(Feature.LOCAL_EMBEDDINGS));
        assertThat(questions).isEmpty();
    }

    @Test
    void yesRepairsABrokenRuntime() throws Exception {
        var environment = runtime.installedRuntime("a", FeatureSet.core());
        runtime.files().deleteTree(environment.pythonPath());

        var result = ensure(FeatureSet.core(), InstallConsent.YES, Optional.empty());

        assertThat(((EnsureResult.Ready) result).installed()).isTrue();
    }

    @Test
    void aBrokenRuntimeWithoutConsentSaysWhatIsBrokenAndHowToRepairIt() throws Exception {
        var environment = runtime.installedRuntime("a", FeatureSet.core());
        runtime.files().deleteTree(environment.daemonPath());

        var result = ensure(FeatureSet.core(), InstallConsent.NEVER, Optional.empty());

        assertThat(result).isEqualTo(new EnsureResult.NotAllowed(new RuntimeStatus.Broken(runtime.layout(), runtime.committedManifest(),
                "Missing ktx-daemon executable: " + environment.daemonPath()), FeatureSet.core()));
        assertThat(runtime.provisioner().requests()).isEmpty();
    }

    @Test
    void aMissingFeatureIsNamedInTheRefusalAndInItsFix() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());

        var result = ensure(FeatureSet.of(Feature.LOCAL_EMBEDDINGS), InstallConsent.ASK, Optional.empty());

        assertThat(result).isInstanceOf(EnsureResult.NotAllowed.class);
        assertThat(((EnsureResult.NotAllowed) result).missingFeatures()).containsExactly(Feature.LOCAL_EMBEDDINGS);
        assertThat(((EnsureResult.NotAllowed) result).requested()).isEqualTo(FeatureSet.of(Feature.LOCAL_EMBEDDINGS));
        assertThat(questions).containsExactly("Install the KTX Python runtime (core, local-embeddings) now? [y/N]");
    }

    @Test
    void declinedFeatureInstallNamesTheFeatureInTheFix() throws Exception {
        var result = ensure(FeatureSet.of(Feature.LOCAL_EMBEDDINGS), InstallConsent.ASK, Optional.of(false));

        assertThat(result).isEqualTo(new EnsureResult.Declined(FeatureSet.of(Feature.LOCAL_EMBEDDINGS)));
        assertThat(runtime.committedManifest()).isEmpty();
    }
}
