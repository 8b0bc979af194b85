package ai.kaelio.ktx.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RuntimeLayoutTest {

    private static final Path ROOT = Path.of("/data/ktx/runtime");
    private final RuntimeLayout layout = RuntimeLayout.of(
            new CliVersion("0.2.0"), Platform.LINUX, ROOT, Path.of("/opt/ktx/assets/python"));

    @Test
    void versionOwnsItsManifestLogAndDaemonState() {
        assertThat(layout.versionDir()).isEqualTo(ROOT.resolve("0.2.0"));
        assertThat(layout.manifestPath()).isEqualTo(ROOT.resolve("0.2.0/manifest.json"));
        assertThat(layout.installLogPath()).isEqualTo(ROOT.resolve("0.2.0/install.log"));
        assertThat(layout.daemonStatePath()).isEqualTo(ROOT.resolve("0.2.0/daemon.json"));
        assertThat(layout.daemonStartingPath()).isEqualTo(ROOT.resolve("0.2.0/daemon.starting"));
        assertThat(layout.daemonStartingPath("0.1.0")).isEqualTo(ROOT.resolve("0.1.0/daemon.starting"));
        assertThat(layout.assetDir()).isEqualTo(Path.of("/opt/ktx/assets/python"));
        assertThat(layout.assetManifestPath()).isEqualTo(Path.of("/opt/ktx/assets/python/manifest.json"));
    }

    @Test
    void rootsAreNormalised() {
        RuntimeLayout messy = RuntimeLayout.of(new CliVersion("0.2.0"), Platform.LINUX,
                Path.of("/data/./tmp/../ktx/runtime"), Path.of("/opt/ktx/lib/../assets/python"));

        assertThat(messy.runtimeRoot()).isEqualTo(ROOT);
        assertThat(messy.assetManifestPath()).isEqualTo(Path.of("/opt/ktx/assets/python/manifest.json"));
    }

    @Test
    void eachAttemptGetsItsOwnEnvironmentInTheVersionDir() {
        EnvironmentLayout environment = layout.environment("20260301T101530-abc123");

        assertThat(environment.venvDir()).isEqualTo(ROOT.resolve("0.2.0/venv-20260301T101530-abc123"));
        assertThat(environment.pythonPath()).isEqualTo(ROOT.resolve("0.2.0/venv-20260301T101530-abc123/bin/python"));
        assertThat(environment.daemonPath())
                .isEqualTo(ROOT.resolve("0.2.0/venv-20260301T101530-abc123/bin/ktx-daemon"));
    }

    @Test
    void eachAttemptLogsBesideItsEnvironmentUnderItsOwnName() {
        EnvironmentLayout environment = layout.environment("20260301T101530-abc123");

        assertThat(layout.attemptLogPath("20260301T101530-abc123"))
                .isEqualTo(ROOT.resolve("0.2.0/install-20260301T101530-abc123.log"));
        assertThat(layout.attemptLogPath(environment)).contains(ROOT.resolve("0.2.0/install-20260301T101530-abc123.log"));
        assertThat(RuntimeLayout.isAttemptLogName("install-20260301T101530-abc123.log")).isTrue();
        assertThat(RuntimeLayout.isAttemptLogName("install.log")).isFalse();
        assertThat(RuntimeLayout.isAttemptLogName("install-.log")).isFalse();
        assertThat(RuntimeLayout.isAttemptLogName("install-notes.txt")).isFalse();
    }

    @Test
    void anEnvironmentThatIsNoAttemptOfThisVersionHasNoAttemptLog() {
        assertThat(layout.attemptLogPath(EnvironmentLayout.of(Platform.LINUX, Path.of("/home/alex/venv-mine")))).isEmpty();
        assertThat(layout.attemptLogPath(EnvironmentLayout.of(Platform.LINUX, ROOT.resolve("0.2.0/cache")))).isEmpty();
    }

    @Test
    void locksLiveOutsideEveryVersionDir() {
        assertThat(layout.lockPath()).isEqualTo(ROOT.resolve(".locks/0.2.0.lock"));
        assertThat(layout.lockPath("0.1.0")).isEqualTo(ROOT.resolve(".locks/0.1.0.lock"));
        assertThat(layout.lockPath().startsWith(layout.versionDir())).isFalse();
        assertThat(CliVersion.isVersionName(layout.lockPath().getParent().getFileName().toString())).isFalse();
    }

    @Test
    void pathsBelowTheVersionDirAreInside() {
        assertThat(layout.isInsideVersionDir(ROOT.resolve("0.2.0/venv-a"))).isTrue();
        assertThat(layout.isInsideVersionDir(ROOT.resolve("0.2.0/venv-a/bin/python"))).isTrue();
    }

    @Test
    void theVersionDirItselfAndEscapesAreNotInside() {
        assertThat(layout.isInsideVersionDir(ROOT.resolve("0.2.0"))).isFalse();
        assertThat(layout.isInsideVersionDir(ROOT.resolve("0.2.0/venv-a/.."))).isFalse();
        assertThat(layout.isInsideVersionDir(ROOT.resolve("0.2.0/../0.1.0/venv-a"))).isFalse();
        assertThat(layout.isInsideVersionDir(ROOT.resolve("0.2.0-rc.1/venv-a"))).isFalse();
        assertThat(layout.isInsideVersionDir(Path.of("0.2.0/venv-a"))).isFalse();
        assertThat(layout.isInsideVersionDir(Path.of("/tmp/venv-a"))).isFalse();
    }
}
