package ai.kaelio.ktx.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProvisionerChoiceTest {

    @ParameterizedTest
    @CsvSource({"auto, AUTO", "uv, UV", "venv, VENV", "UV, UV", "' venv ', VENV"})
    void parsesChoicesIgnoringCaseAndSpace(String text, ProvisionerChoice expected) {
        assertThat(ProvisionerChoice.parse(text)).isEqualTo(expected);
    }

    @Test
    void anUnknownChoiceNamesTheValidOnes() {
        assertThatThrownBy(() -> ProvisionerChoice.parse("pip"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown provisioner 'pip': expected one of auto, uv, venv");
    }

    @Test
    void idsAreLowerCase() {
        assertThat(ProvisionerChoice.UV.id()).isEqualTo("uv");
        assertThat(ProvisionerChoice.VENV).hasToString("venv");
        assertThat(ProvisionerChoice.VARIABLE).isEqualTo("KTX_PROVISIONER");
    }
}
