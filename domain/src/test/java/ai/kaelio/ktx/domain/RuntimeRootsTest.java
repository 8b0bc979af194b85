package ai.kaelio.ktx.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class RuntimeRootsTest {

    private static final CliVersion VERSION = new CliVersion("0.2.0");
    private static final Path ASSETS = Path.of("/repo/packages/cli/assets/python");

    @Test
    void macOsUsesApplicationSupport() {
        RuntimeLayout layout = layout(Platform.MACOS, Map.of(), "/Users/alex");

        assertThat(layout.runtimeRoot())
                .isEqualTo(Path.of("/Users/alex/Library/Application Support/kaelio/ktx/runtime"));
        assertThat(layout.versionDir())
                .isEqualTo(Path.of("/Users/alex/Library/Application Support/kaelio/ktx/runtime/0.2.0"));
        EnvironmentLayout environment = layout.environment("a1");
        assertThat(environment.pythonPath()).isEqualTo(
                Path.of("/Users/alex/Library/Application Support/kaelio/ktx/runtime/0.2.0/venv-a1/bin/python"));
        assertThat(environment.daemonPath()).isEqualTo(
                Path.of("/Users/alex/Library/Application Support/kaelio/ktx/runtime/0.2.0/venv-a1/bin/ktx-daemon"));
        assertThat(layout.assetManifestPath()).isEqualTo(Path.of("/repo/packages/cli/assets/python/manifest.json"));
    }

    @Test
    void macOsIgnoresXdgDataHome() {
        RuntimeLayout layout = layout(Platform.MACOS, Map.of("XDG_DATA_HOME", "/var/xdg"), "/Users/alex");

        assertThat(layout.runtimeRoot())
                .isEqualTo(Path.of("/Users/alex/Library/Application Support/kaelio/ktx/runtime"));
    }

    @Test
    void linuxHonoursXdgDataHome() {
        RuntimeLayout layout = layout(Platform.LINUX, Map.of("XDG_DATA_HOME", "/var/xdg"), "/home/alex");

        assertThat(layout.runtimeRoot()).isEqualTo(Path.of("/var/xdg/kaelio/ktx/runtime"));
        assertThat(layout.versionDir()).isEqualTo(Path.of("/var/xdg/kaelio/ktx/runtime/0.2.0"));
    }

    @Test
    void linuxWithoutXdgDataHomeUsesLocalShare() {
        RuntimeLayout layout = layout(Platform.LINUX, Map.of(), "/home/alex");

        assertThat(layout.runtimeRoot()).isEqualTo(Path.of("/home/alex/.local/share/kaelio/ktx/runtime"));
        assertThat(layout.environment("a1").pythonPath())
                .isEqualTo(Path.of("/home/alex/.local/share/kaelio/ktx/runtime/0.2.0/venv-a1/bin/python"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void linuxTreatsAnEmptyXdgDataHomeAsUnset(String empty) {
        RuntimeLayout layout = layout(Platform.LINUX, Map.of("XDG_DATA_HOME", empty), "/home/alex");

        assertThat(layout.runtimeRoot()).isEqualTo(Path.of("/home/alex/.local/share/kaelio/ktx/runtime"));
    }

    @Test
    void linuxVariableNamesAreCaseSensitive() {
        RuntimeLayout layout = layout(Platform.LINUX,
                Map.of("xdg_data_home", "/var/xdg", "ktx_runtime_root", "/custom"), "/home/alex");

        assertThat(layout.runtimeRoot()).isEqualTo(Path.of("/home/alex/.local/share/kaelio/ktx/runtime"));
    }

    @Test
    void windowsUsesLocalAppData() {
        RuntimeLayout layout = layout(Platform.WINDOWS,
                Map.of("LOCALAPPDATA", "C:\\Users\\Alex\\AppData\\Local"), "C:\\Users\\Alex");

        // java.nio on a Unix host joins with '/', which is what the seed expected too.
        Path root = Path.of("C:\\Users\\Alex\\AppData\\Local", "Kaelio", "KTX", "runtime");
        assertThat(layout.runtimeRoot()).isEqualTo(root);
        EnvironmentLayout environment = layout.environment("a1");
        assertThat(environment.pythonPath()).isEqualTo(root.resolve("0.2.0/venv-a1/Scripts/python.exe"));
        assertThat(environment.daemonPath()).isEqualTo(root.resolve("0.2.0/venv-a1/Scripts/ktx-daemon.exe"));
    }

    @Test
    void windowsWithoutLocalAppDataUsesAppDataLocalUnderHome() {
        RuntimeLayout layout = layout(Platform.WINDOWS, Map.of(), "C:\\Users\\Alex");

        assertThat(layout.runtimeRoot())
                .isEqualTo(Path.of("C:\\Users\\Alex", "AppData", "Local", "Kaelio", "KTX", "runtime"));
    }

    @Test
    void windowsTreatsAnEmptyLocalAppDataAsUnset() {
        RuntimeLayout layout = layout(Platform.WINDOWS, Map.of("LOCALAPPDATA", ""), "C:\\Users\\Alex");

        assertThat(layout.runtimeRoot())
                .isEqualTo(Path.of("C:\\Users\\Alex", "AppData", "Local", "Kaelio", "KTX", "runtime"));
    }

    @Test
    void windowsVariableNamesAreCaseInsensitive() {
        RuntimeLayout byLocalAppData = layout(Platform.WINDOWS, Map.of("LocalAppData", "D:\\Data"), "C:\\Users\\Alex");
        RuntimeLayout byRuntimeRoot = layout(Platform.WINDOWS, Map.of("Ktx_Runtime_Root", "E:\\ktx"), "C:\\Users\\Alex");

        assertThat(byLocalAppData.runtimeRoot()).isEqualTo(Path.of("D:\\Data", "Kaelio", "KTX", "runtime"));
        assertThat(byRuntimeRoot.runtimeRoot()).isEqualTo(Path.of("E:\\ktx"));
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void explicitRuntimeRootWinsOnEveryPlatform(Platform platform) {
        RuntimeLayout layout = layout(platform, Map.of(
                "KTX_RUNTIME_ROOT", "/srv/ktx-runtime",
                "XDG_DATA_HOME", "/var/xdg",
                "LOCALAPPDATA", "C:\\Users\\Alex\\AppData\\Local"), "/home/alex");

        assertThat(layout.runtimeRoot()).isEqualTo(Path.of("/srv/ktx-runtime"));
        assertThat(layout.versionDir()).isEqualTo(Path.of("/srv/ktx-runtime/0.2.0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void emptyRuntimeRootCountsAsUnset(String empty) {
        RuntimeLayout layout = layout(Platform.LINUX,
                Map.of("KTX_RUNTIME_ROOT", empty, "XDG_DATA_HOME", "/var/xdg"), "/home/alex");

        assertThat(layout.runtimeRoot()).isEqualTo(Path.of("/var/xdg/kaelio/ktx/runtime"));
    }

    @Test
    void dataDirectoryIsTheParentOfTheDefaultRootAndIgnoresTheExplicitRoot() {
        HostEnvironment host = new HostEnvironment(Platform.LINUX,
                Map.of("KTX_RUNTIME_ROOT", "/srv/ktx-runtime"), Path.of("/home/alex"));

        assertThat(RuntimeRoots.dataDirectory(host)).isEqualTo(Path.of("/home/alex/.local/share/kaelio/ktx"));
    }

    @ParameterizedTest
    @EnumSource(value = Platform.class, names = {"LINUX", "MACOS"})
    void anAbsoluteHomeVariableIsTheHomeOfTheDefaultRoot(Platform platform) {
        RuntimeLayout withHome = layout(platform, Map.of("HOME", "/tmp/h"), "/home/alex");
        RuntimeLayout withoutHome = layout(platform, Map.of(), "/tmp/h");

        assertThat(withHome.runtimeRoot()).startsWithRaw(Path.of("/tmp/h")).isEqualTo(withoutHome.runtimeRoot());
    }

    @Test
    void linuxRootUnderHomeIsLocalShare() {
        RuntimeLayout layout = layout(Platform.LINUX, Map.of("HOME", "/tmp/h/"), "/home/alex");

        assertThat(layout.runtimeRoot()).isEqualTo(Path.of("/tmp/h/.local/share/kaelio/ktx/runtime"));
    }

    @Test
    void macOsRootUnderHomeIsApplicationSupport() {
        RuntimeLayout layout = layout(Platform.MACOS, Map.of("HOME", "/tmp/h"), "/Users/alex");

        assertThat(layout.runtimeRoot()).isEqualTo(Path.of("/tmp/h/Library/Application Support/kaelio/ktx/runtime"));
    }

    @Test
    void linuxXdgDataHomeStillWinsOverHome() {
        RuntimeLayout layout = layout(Platform.LINUX, Map.of("HOME", "/tmp/h", "XDG_DATA_HOME", "/var/xdg"), "/home/alex");

        assertThat(layout.runtimeRoot()).isEqualTo(Path.of("/var/xdg/kaelio/ktx/runtime"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "relative/home", "~", "./h"})
    void aRelativeOrEmptyHomeIsIgnored(String home) {
        RuntimeLayout layout = layout(Platform.LINUX, Map.of("HOME", home), "/home/alex");

        assertThat(layout.runtimeRoot()).isEqualTo(Path.of("/home/alex/.local/share/kaelio/ktx/runtime"));
    }

    @Test
    void windowsUsesUserProfileWhenLocalAppDataIsUnset() {
        RuntimeLayout layout = layout(Platform.WINDOWS, Map.of("USERPROFILE", "D:\\Profiles\\Alex"), "C:\\Users\\Alex");

        assertThat(layout.runtimeRoot())
                .isEqualTo(Path.of("D:\\Profiles\\Alex", "AppData", "Local", "Kaelio", "KTX", "runtime"));
    }

    @Test
    void windowsLocalAppDataStillWinsOverUserProfile() {
        RuntimeLayout layout = layout(Platform.WINDOWS,
                Map.of("USERPROFILE", "D:\\Profiles\\Alex", "LOCALAPPDATA", "E:\\Local"), "C:\\Users\\Alex");

        assertThat(layout.runtimeRoot()).isEqualTo(Path.of("E:\\Local", "Kaelio", "KTX", "runtime"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tmp/h", "Profiles\\Alex", ""})
    void windowsIgnoresHomeAndARelativeUserProfile(String userProfile) {
        RuntimeLayout layout = layout(Platform.WINDOWS, Map.of("HOME", "D:\\Elsewhere", "USERPROFILE", userProfile),
                "C:\\Users\\Alex");

        assertThat(layout.runtimeRoot())
                .isEqualTo(Path.of("C:\\Users\\Alex", "AppData", "Local", "Kaelio", "KTX", "runtime"));
    }

    @Test
    void theShellHistoryDirectoryFollowsHomeToo() {
        HostEnvironment host = new HostEnvironment(Platform.LINUX, Map.of("HOME", "/tmp/h"), Path.of("/home/alex"));

        assertThat(RuntimeRoots.dataDirectory(host)).isEqualTo(Path.of("/tmp/h/.local/share/kaelio/ktx"));
    }

    private static RuntimeLayout layout(Platform platform, Map<String, String> variables, String home) {
        return RuntimeLayout.of(VERSION, new HostEnvironment(platform, variables, Path.of(home)), ASSETS);
    }
}
