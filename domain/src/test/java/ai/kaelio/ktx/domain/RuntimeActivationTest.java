package ai.kaelio.ktx.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeActivationTest {

    private static final EnvironmentLayout LINUX_VENV = EnvironmentLayout.of(Platform.LINUX, Path.of("/r/0.1.0/venv-a1"));

    @Test
    void putsTheScriptsFirstOnPathSetsVirtualEnvAndUnsetsPythonHome() {
        RuntimeActivation activation = RuntimeActivation.of(linux(Map.of("PATH", "/usr/bin:/bin")), LINUX_VENV);

        assertThat(activation.variables()).containsExactly(
                Map.entry("PATH", "/r/0.1.0/venv-a1/bin:/usr/bin:/bin"),
                Map.entry("VIRTUAL_ENV", "/r/0.1.0/venv-a1"));
        assertThat(activation.unset()).containsExactly("PYTHONHOME");
    }

    @Test
    void activatingTwiceGivesTheSamePath() {
        RuntimeActivation once = RuntimeActivation.of(linux(Map.of("PATH", "/usr/bin")), LINUX_VENV);
        RuntimeActivation twice = RuntimeActivation.of(linux(Map.of("PATH", once.path())), LINUX_VENV);

        assertThat(twice.path()).isEqualTo("/r/0.1.0/venv-a1/bin:/usr/bin");
    }

    @Test
    void withoutPathOnlyTheScriptsAreSearched() {
        RuntimeActivation activation = RuntimeActivation.of(linux(Map.of()), LINUX_VENV);

        assertThat(activation.path()).isEqualTo("/r/0.1.0/venv-a1/bin");
        assertThat(activation.searchPath()).containsExactly("/r/0.1.0/venv-a1/bin");
    }

    @Test
    void searchPathSkipsEmptyEntriesButThePathKeepsThem() {
        RuntimeActivation activation = RuntimeActivation.of(linux(Map.of("PATH", "/usr/bin::/bin:")), LINUX_VENV);

        assertThat(activation.path()).isEqualTo("/r/0.1.0/venv-a1/bin:/usr/bin::/bin:");
        assertThat(activation.searchPath()).containsExactly("/r/0.1.0/venv-a1/bin", "/usr/bin", "/bin");
    }

    @Test
    void appliedToTheHostItReplacesPathAndVirtualEnvAndDropsPythonHome() {
        HostEnvironment host = linux(Map.of("PATH", "/usr/bin", "VIRTUAL_ENV", "/other", "PYTHONHOME", "/opt/py", "LANG", "C"));

        Map<String, String> child = RuntimeActivation.of(host, LINUX_VENV).applyTo(host);

        assertThat(child).containsOnly(
                Map.entry("PATH", "/r/0.1.0/venv-a1/bin:/usr/bin"),
                Map.entry("VIRTUAL_ENV", "/r/0.1.0/venv-a1"),
                Map.entry("LANG", "C"));
    }

    @Test
    void onWindowsItUsesScriptsSemicolonsAndTheSpellingAlreadyThere() {
        HostEnvironment host = new HostEnvironment(Platform.WINDOWS,
                Map.of("Path", "C:\\Windows;C:\\Tools", "PythonHome", "C:\\Python"), Path.of("C:\\Users\\Alex"));
        EnvironmentLayout venv = EnvironmentLayout.of(Platform.WINDOWS, Path.of("C:\\r\\venv-a1"));
        String scripts = venv.pythonPath().getParent().toString();

        Map<String, String> child = RuntimeActivation.of(host, venv).applyTo(host);

        assertThat(child).containsOnly(
                Map.entry("Path", scripts + ";C:\\Windows;C:\\Tools"),
                Map.entry("VIRTUAL_ENV", venv.venvDir().toString()));
    }

    private static HostEnvironment linux(Map<String, String> variables) {
        return new HostEnvironment(Platform.LINUX, variables, Path.of("/home/alex"));
    }
}
