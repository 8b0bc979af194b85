package ai.kaelio.ktx.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CliVersionTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.1.0", "1.2.3-rc.1", "10.0", "0.2.0+build.7", "2.0.0.1", "1.0.0-SNAPSHOT"})
    void versionNamesAreAccepted(String name) {
        assertThat(CliVersion.isVersionName(name)).isTrue();
        assertThat(new CliVersion(name)).hasToString(name);
    }

    // Prune deletes directories whose names pass this test, so anything path-like must fail it.
    @ParameterizedTest
    @ValueSource(strings = {
        ".locks", "latest", "0.1.0/..", "", "1", "0.1.0/x", "a/0.1.0", "..", ".", "0.1.0\\..",
        "v0.1.0", " 0.1.0", "0.1.0 ", "0.1.0\n", "0.1.0-", "0.1.0..", "1..2", "-1.0", "README.txt",
    })
    void otherNamesAreRejected(String name) {
        assertThat(CliVersion.isVersionName(name)).isFalse();
    }

    /** The grammar as a regular expression: easier to read, costlier at start-up (see isVersionName). */
    private static final Pattern GRAMMAR = Pattern.compile(
            "\\d+(\\.\\d+){1,3}([-+.][0-9A-Za-z]([0-9A-Za-z.+-]{0,62}[0-9A-Za-z])?)?");

    @Test
    void theCheckAgreesWithTheGrammarOnManyNames() {
        Random random = new Random(7);
        String alphabet = "0123456789..--++aZ/ _";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(i % 100 == 0 ? 80 : 12);
            for (int c = 0; c < length; c++) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(CliVersion.isVersionName(name.toString())).as(name.toString())
                    .isEqualTo(GRAMMAR.matcher(name).matches());
        }
    }

    private static final String X64 = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3a", "1.2.3.4.5", "1.2.3.4a", "1.2.3.4.a-b", "1.2-" + X64, "1.2-" + X64 + "x",
        "1.2.3.4.5.6", "1.2.", "1.2.3-a..b", "1.2+-"})
    void edgeCasesAgreeWithTheGrammar(String name) {
        assertThat(CliVersion.isVersionName(name)).isEqualTo(GRAMMAR.matcher(name).matches());
    }

    @Test
    void constructingFromANonVersionFails() {
        assertThatThrownBy(() -> new CliVersion("latest"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not a ktx version: latest");
        assertThatThrownBy(() -> new CliVersion(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
