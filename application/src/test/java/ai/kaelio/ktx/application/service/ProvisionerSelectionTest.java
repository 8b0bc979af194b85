package ai.kaelio.ktx.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kaelio.ktx.application.port.in.InstallRequest;
import ai.kaelio.ktx.application.port.in.InstallResult;
import ai.kaelio.ktx.application.testing.FakeRuntime;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.ProvisionerChoice;
import org.junit.jupiter.api.Test;

class ProvisionerSelectionTest {

    private static final String UV_REQUIRED = "uv is required to install the KTX Python runtime. "
            + "Install uv and retry: ktx runtime install --yes";

    private final FakeRuntime runtime = new FakeRuntime();

    @Test
    void autoIsTheDefault() throws Exception {
        install(InstallRequest.of(FeatureSet.core()));

        assertThat(runtime.provisioners().asked()).containsExactly(ProvisionerChoice.AUTO);
    }

    @Test
    void theVariableDecidesWhenTheRequestDoesNot() throws Exception {
        runtime.variable("KTX_PROVISIONER", "venv");

        install(InstallRequest.of(FeatureSet.core()));

        assertThat(runtime.provisioners().asked()).containsExactly(ProvisionerChoice.VENV);
    }

    @Test
    void anEmptyVariableMeansAuto() throws Exception {
        runtime.variable("KTX_PROVISIONER", "");

        install(InstallRequest.of(FeatureSet.core()));

        assertThat(runtime.provisioners().asked()).containsExactly(ProvisionerChoice.AUTO);
    }

    @Test
    void theRequestsChoiceWinsOverTheVariable() throws Exception {
        runtime.variable("KTX_PROVISIONER", "pip");

        InstallResult result = install(InstallRequest.of(FeatureSet.core()).using(ProvisionerChoice.UV));

        assertThat(result).isInstanceOf(InstallResult.Installed.class);
        assertThat(runtime.provisioners().asked()).containsExactly(ProvisionerChoice.UV);
    }

    @Test
    void anUnavailableProvisionerIsRefusedWithItsSentenceBeforeLocking() throws Exception {
        runtime.provisioners().unavailable(ProvisionerChoice.UV, UV_REQUIRED);

        InstallResult result = install(InstallRequest.of(FeatureSet.core()).using(ProvisionerChoice.UV));

        assertThat(result).isEqualTo(new InstallResult.Refused(UV_REQUIRED));
        assertThat(runtime.lock().acquisitions()).isEmpty();
        assertThat(runtime.provisioner().requests()).isEmpty();
        assertThat(runtime.files().exists(runtime.layout().versionDir())).isFalse();
    }

    @Test
    void anInvalidProvisionerVariableIsRefusedNamingTheVariable() throws Exception {
        runtime.variable("KTX_PROVISIONER", "pip");

        InstallResult result = install(InstallRequest.of(FeatureSet.core()));

        assertThat(result).isEqualTo(new InstallResult.Refused("Unknown provisioner 'pip': expected one of "
                + "auto, uv, venv. Set KTX_PROVISIONER to one of them, or unset it."));
        assertThat(runtime.provisioners().asked()).isEmpty();
        assertThat(runtime.lock().acquisitions()).isEmpty();
    }

    @Test
    void aReadyRuntimeIsReusedWhateverTheProvisionerSetting() throws Exception {
        runtime.installedRuntime("old", FeatureSet.core());
        runtime.variable("KTX_PROVISIONER", "pip");

        InstallResult result = install(InstallRequest.of(FeatureSet.core()));

        assertThat(result).isInstanceOf(InstallResult.AlreadyReady.class);
    }

    @Test
    void requestsValidateThemselves() {
        assertThatThrownBy(() -> InstallRequest.of(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> InstallRequest.of(FeatureSet.core()).observedBy(null))
                .isInstanceOf(NullPointerException.class);
    }

    private InstallResult install(InstallRequest request) throws Exception {
        return runtime.installService().install(request);
    }
}
