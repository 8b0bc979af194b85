package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.domain.RuntimeStatus;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.in.ActivationResult;
import ai.kaelio.ktx.application.port.in.EnsureRequest;
import ai.kaelio.ktx.application.port.in.EnsureResult;
import ai.kaelio.ktx.application.port.in.InstallConsent;
import ai.kaelio.ktx.application.port.in.InstallObserver;
import ai.kaelio.ktx.application.testing.FakeRuntime;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.RuntimeActivation;
import org.junit.jupiter.api.Test;

class ActivateRuntimeServiceTest {

    private final FakeRuntime runtime = new FakeRuntime().variable("PATH", "/usr/bin:/bin");

    private ActivationResult activate(InstallConsent consent) throws Exception {
        return new ActivateRuntimeService(runtime.ensureService(), runtime.host())
                .activate(new EnsureRequest(FeatureSet.core(), consent, question -> {
                    throw new AssertionError("env never asks");
                }, InstallObserver.SILENT));
    }

    @Test
    void aReadyRuntimeIsActivatedFromTheEnvironmentItsManifestNames() throws Exception {
        var environment = runtime.installedRuntime("a", FeatureSet.core());

        var result = activate(InstallConsent.NEVER);

        assertThat(result).isEqualTo(new ActivationResult.Activated(RuntimeActivation.of(runtime.host(), environment)));
        assertThat(((ActivationResult.Activated) result).activation().variables())
                .containsEntry("PATH", environment.pythonPath().getParent() + ":/usr/bin:/bin")
                .containsEntry("VIRTUAL_ENV", environment.venvDir().toString());
        assertThat(runtime.provisioner().requests()).isEmpty();
    }

    @Test
    void aMissingRuntimeIsNotInstalledWithoutConsentAndGivesExecsSentence() throws Exception {
        var result = activate(InstallConsent.NEVER);

        assertThat(result).isEqualTo(new ActivationResult.RuntimeUnavailable(new EnsureResult.NotAllowed(new RuntimeStatus.Missing(runtime.layout()), FeatureSet.core())));
        assertThat(runtime.provisioner().requests()).isEmpty();
    }

    @Test
    void withConsentAMissingRuntimeIsInstalledThenActivated() throws Exception {
        var result = activate(InstallConsent.YES);

        assertThat(result).isInstanceOf(ActivationResult.Activated.class);
        assertThat(runtime.provisioner().requests()).hasSize(1);
        var installed = runtime.committedManifest().orElseThrow().environment(runtime.layout().platform());
        assertThat(((ActivationResult.Activated) result).activation().variables())
                .containsEntry("VIRTUAL_ENV", installed.venvDir().toString());
    }

    @Test
    void aReadyResultCannotBeAReasonForUnavailability() {
        var ready = new EnsureResult.Ready(runtime.layout(), runtime.manifestFor(runtime.layout().environment("a"),
                FeatureSet.core()), false);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ActivationResult.RuntimeUnavailable(ready))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
