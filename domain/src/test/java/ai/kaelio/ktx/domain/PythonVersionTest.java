package ai.kaelio.ktx.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PythonVersionTest {

    @ParameterizedTest
    @CsvSource({
        "3.11.7, 3.11.7",
        "3.13.0rc1, 3.13.0",
        "3.12.0b2, 3.12.0",
        "v3.12, 3.12",
        "' 3.10 ', 3.10",
        "3, 3",
        "3.10.12+, 3.10.12",
    })
    void parsesTheReleasePart(String text, String release) {
        assertThat(PythonVersion.parse(text)).hasToString(release);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "Python 3.11", "3..1", ".3", "3.", "rc1"})
    void rejectsTextWithoutARelease(String text) {
        assertThatThrownBy(() -> PythonVersion.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not a Python version: " + text);
    }

    @Test
    void comparesSegmentsAsNumbers() {
        assertThat(PythonVersion.parse("3.10")).isGreaterThan(PythonVersion.parse("3.9"));
        assertThat(PythonVersion.parse("3.10.1")).isGreaterThan(PythonVersion.parse("3.10"));
        assertThat(PythonVersion.parse("4")).isGreaterThan(PythonVersion.parse("3.99.99"));
        assertThat(PythonVersion.parse("2.7.18")).isLessThan(PythonVersion.parse("3.0"));
    }

    @Test
    void missingSegmentsCountAsZero() {
        assertThat(PythonVersion.parse("3.10")).isEqualByComparingTo(PythonVersion.parse("3.10.0"));
        assertThat(PythonVersion.parse("3.10").segment(2)).isZero();
        assertThat(PythonVersion.parse("3.10").segment(1)).isEqualTo(10);
    }

    @Test
    void aVersionNeedsAtLeastOneSegment() {
        assertThatThrownBy(() -> new PythonVersion(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
