package ai.kaelio.ktx.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PythonRequirementTest {

    @ParameterizedTest(name = "{1} against ''{0}'' is {2}")
    @CsvSource({
        ">=3.10, 3.10, true",
        ">=3.10, 3.10.0, true",
        ">=3.10, 3.12.1, true",
        ">=3.10, 3.9.18, false",
        "'>=3.8,<4', 3.8, true",
        "'>=3.8,<4', 3.13.1, true",
        "'>=3.8,<4', 3.7.9, false",
        "'>=3.8,<4', 4.0, false",
        "==3.11.*, 3.11, true",
        "==3.11.*, 3.11.9, true",
        "==3.11.*, 3.12.0, false",
        "==3.11.*, 3.1, false",
        "!=3.12.0, 3.12.0, false",
        "!=3.12.0, 3.12, false",
        "!=3.12.0, 3.12.1, true",
        "!=3.9.*, 3.9.7, false",
        "!=3.9.*, 3.10, true",
        "~=3.10.2, 3.10.2, true",
        "~=3.10.2, 3.10.9, true",
        "~=3.10.2, 3.10.1, false",
        "~=3.10.2, 3.11.0, false",
        "~=3.10, 3.10, true",
        "~=3.10, 3.13.2, true",
        "~=3.10, 3.9, false",
        "~=3.10, 4.0, false",
        "==3.11, 3.11.0, true",
        "==3.11, 3.11.4, false",
        ">3.10, 3.10.0, false",
        ">3.10, 3.10.1, true",
        "<=3.12, 3.12.0, true",
        "<=3.12, 3.12.1, false",
        "<3.13, 3.12.9, true",
        "<3.13, 3.13, false",
        "' >= 3.10 , < 3.14 ', 3.13, true",
        "' >= 3.10 , < 3.14 ', 3.14, false",
    })
    void decidesWhetherAVersionSatisfiesTheSpecifier(String specifier, String version, boolean satisfied) {
        assertThat(PythonRequirement.parse(specifier).isSatisfiedBy(PythonVersion.parse(version))).isEqualTo(satisfied);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void anEmptySpecifierAcceptsAnyPython(String specifier) {
        PythonRequirement requirement = PythonRequirement.parse(specifier);

        assertThat(requirement).isEqualTo(PythonRequirement.ANY);
        assertThat(requirement.isSatisfiedBy(PythonVersion.parse("2.7"))).isTrue();
        assertThat(requirement).hasToString("any Python");
    }

    @ParameterizedTest
    @ValueSource(strings = {"python3", ">=", ">=three", ">=3.10;", ">~3.10", ">=3.*", "~=3.10.*", "3.10", "=>3.10"})
    void garbageIsRejectedNamingTheClause(String specifier) {
        assertThatThrownBy(() -> PythonRequirement.parse(specifier))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unsupported Requires-Python clause: '" + specifier + "'");
    }

    @Test
    void theMessageNamesOnlyTheOffendingClause() {
        assertThatThrownBy(() -> PythonRequirement.parse(">=3.8, foo"))
                .hasMessage("Unsupported Requires-Python clause: 'foo'");
    }

    @Test
    void describesItselfByItsSpecifier() {
        assertThat(PythonRequirement.parse(" >=3.10 ")).hasToString(">=3.10");
        assertThat(PythonRequirement.parse(">=3.8,<4").clauses()).hasSize(2);
    }
}
