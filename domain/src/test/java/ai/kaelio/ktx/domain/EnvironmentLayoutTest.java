package ai.kaelio.ktx.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnvironmentLayoutTest {

    @Test
    void unixEnvironmentsKeepExecutablesInBin() {
        EnvironmentLayout environment = EnvironmentLayout.of(Platform.LINUX, Path.of("/rt/0.2.0/venv-a"));

        assertThat(environment.pythonPath()).isEqualTo(Path.of("/rt/0.2.0/venv-a/bin/python"));
        assertThat(environment.daemonPath()).isEqualTo(Path.of("/rt/0.2.0/venv-a/bin/ktx-daemon"));
    }

    @Test
    void windowsEnvironmentsKeepExecutablesInScripts() {
        EnvironmentLayout environment = EnvironmentLayout.of(Platform.WINDOWS, Path.of("/rt/0.2.0/venv-a"));

        assertThat(environment.pythonPath()).isEqualTo(Path.of("/rt/0.2.0/venv-a/Scripts/python.exe"));
        assertThat(environment.daemonPath()).isEqualTo(Path.of("/rt/0.2.0/venv-a/Scripts/ktx-daemon.exe"));
    }

    @Test
    void ofPythonFindsTheEnvironmentAnInterpreterBelongsTo() {
        EnvironmentLayout unix = EnvironmentLayout.ofPython(Platform.MACOS, Path.of("/rt/0.2.0/venv-a/bin/python"));
        EnvironmentLayout windows = EnvironmentLayout.ofPython(
                Platform.WINDOWS, Path.of("/rt/0.2.0/venv-b/Scripts/python.exe"));

        assertThat(unix).isEqualTo(EnvironmentLayout.of(Platform.MACOS, Path.of("/rt/0.2.0/venv-a")));
        assertThat(windows.venvDir()).isEqualTo(Path.of("/rt/0.2.0/venv-b"));
        assertThat(windows.daemonPath()).isEqualTo(Path.of("/rt/0.2.0/venv-b/Scripts/ktx-daemon.exe"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"python", "/python", "bin/python"})
    void ofPythonRejectsAPathWithNoEnvironmentAboveIt(String python) {
        assertThatThrownBy(() -> EnvironmentLayout.ofPython(Platform.LINUX, Path.of(python)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not a virtual environment's python: " + python);
    }

    @ParameterizedTest
    @CsvSource({
        "Mac OS X, MACOS",
        "Darwin, MACOS",
        "Windows 11, WINDOWS",
        "Windows Server 2022, WINDOWS",
        "Linux, LINUX",
        "FreeBSD, LINUX",
        "SunOS, LINUX",
    })
    void platformFollowsOsName(String osName, Platform expected) {
        assertThat(Platform.fromOsName(osName)).isEqualTo(expected);
    }
}
