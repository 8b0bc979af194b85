package ai.kaelio.ktx.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.Platform;
import ai.kaelio.ktx.domain.ProvisionerChoice;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvisionerPreferenceTest {

    @Test
    void autoWhenUnsetOrEmpty() {
        assertThat(preference(Map.of()).choice()).isEqualTo(ProvisionerChoice.AUTO);
        assertThat(preference(Map.of("KTX_PROVISIONER", "")).choice()).isEqualTo(ProvisionerChoice.AUTO);
    }

    @Test
    void theVariableNamesTheChoice() {
        assertThat(preference(Map.of("KTX_PROVISIONER", "uv")).choice()).isEqualTo(ProvisionerChoice.UV);
        assertThat(preference(Map.of("KTX_PROVISIONER", "Venv")).choice()).isEqualTo(ProvisionerChoice.VENV);
    }

    @Test
    void anUnknownValueIsAnError() {
        assertThatThrownBy(() -> preference(Map.of("KTX_PROVISIONER", "conda")).choice())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown provisioner 'conda': expected one of auto, uv, venv");
    }

    private static ProvisionerPreference preference(Map<String, String> variables) {
        return new ProvisionerPreference(new HostEnvironment(Platform.LINUX, variables, Path.of("/home/alex")));
    }
}
