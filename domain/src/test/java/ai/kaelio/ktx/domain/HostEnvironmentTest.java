package ai.kaelio.ktx.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostEnvironmentTest {

    @Test
    void emptyAndBlankValuesCountAsUnset() {
        HostEnvironment host = new HostEnvironment(Platform.LINUX, Map.of("A", "", "B", " \t", "C", "x"), Path.of("/h"));

        assertThat(host.variable("A")).isEmpty();
        assertThat(host.variable("B")).isEmpty();
        assertThat(host.variable("C")).contains("x");
        assertThat(host.variable("D")).isEmpty();
    }

    @Test
    void onlyWindowsIgnoresTheCaseOfNames() {
        Map<String, String> variables = Map.of("Path", "C:\\bin");

        assertThat(new HostEnvironment(Platform.WINDOWS, variables, Path.of("/h")).variable("PATH")).contains("C:\\bin");
        assertThat(new HostEnvironment(Platform.LINUX, variables, Path.of("/h")).variable("PATH")).isEmpty();
        assertThat(new HostEnvironment(Platform.MACOS, variables, Path.of("/h")).variable("PATH")).isEmpty();
    }

    @Test
    void laterChangesToTheGivenMapAreNotSeen() {
        Map<String, String> variables = new HashMap<>(Map.of("KTX_RUNTIME_ROOT", "/a"));
        HostEnvironment host = new HostEnvironment(Platform.LINUX, variables, Path.of("/h"));
        variables.put("KTX_RUNTIME_ROOT", "/b");

        assertThat(host.variable("KTX_RUNTIME_ROOT")).contains("/a");
    }

    @Test
    void homeIsTheHomeVariableWhenAbsoluteElseTheAccountsHome() {
        Path account = Path.of("/home/alex");

        assertThat(new HostEnvironment(Platform.LINUX, Map.of("HOME", "/tmp/h"), account).home()).isEqualTo(Path.of("/tmp/h"));
        assertThat(new HostEnvironment(Platform.LINUX, Map.of("HOME", "tmp/h"), account).home()).isEqualTo(account);
        assertThat(new HostEnvironment(Platform.LINUX, Map.of(), account).home()).isEqualTo(account);
        assertThat(new HostEnvironment(Platform.WINDOWS, Map.of("UserProfile", "\\\\server\\alex"), account).home())
                .isEqualTo(Path.of("\\\\server\\alex"));
    }

    @Test
    void eachPlatformJudgesAbsolutePathsByItsOwnRules() {
        assertThat(Platform.LINUX.isAbsolute("/h")).isTrue();
        assertThat(Platform.MACOS.isAbsolute("h/i")).isFalse();
        assertThat(Platform.LINUX.isAbsolute("C:\\Users")).isFalse();
        assertThat(Platform.WINDOWS.isAbsolute("C:\\Users")).isTrue();
        assertThat(Platform.WINDOWS.isAbsolute("c:/Users")).isTrue();
        assertThat(Platform.WINDOWS.isAbsolute("\\\\server\\share")).isTrue();
        assertThat(Platform.WINDOWS.isAbsolute("C:Users")).isFalse();
        assertThat(Platform.WINDOWS.isAbsolute("Users\\Alex")).isFalse();
        assertThat(Platform.WINDOWS.isAbsolute("/h")).isFalse();
    }
}
