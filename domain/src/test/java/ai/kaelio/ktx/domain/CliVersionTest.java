package ai.kaelio.ktx.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void constructingFromANonVersionFails() {
        assertThatThrownBy(() -> new CliVersion("latest"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not a ktx version: latest");
        assertThatThrownBy(() -> new CliVersion(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
