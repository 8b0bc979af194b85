package ai.kaelio.ktx.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.out.ManifestStore;
import ai.kaelio.ktx.application.testing.FakeRuntime;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.InstalledManifest;
import ai.kaelio.ktx.domain.RuntimeLayout;
import ai.kaelio.ktx.domain.RuntimeStatus;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuntimeInspectorTest {

    private final FakeRuntime runtime = new FakeRuntime();
    private final RuntimeLayout layout = runtime.layout();

    @Test
    void noManifestIsMissing() {
        RuntimeStatus status = inspect();

        assertThat(status).isEqualTo(new RuntimeStatus.Missing(layout));
        assertThat(status.detail()).isEqualTo("No runtime manifest at " + layout.manifestPath());
    }

    @Test
    void aManifestWhoseExecutablesExistIsReady() {
        runtime.installedRuntime("a", FeatureSet.core());

        RuntimeStatus status = inspect();

        assertThat(status).isInstanceOf(RuntimeStatus.Ready.class);
        assertThat(status.manifest().orElseThrow().features().ids()).containsExactly("core");
    }

    @Test
    void aManifestOfAnotherCliVersionIsMismatched() {
        EnvironmentLayout environment = runtime.installedRuntime("a", FeatureSet.core());
        runtime.manifests().put(layout.manifestPath(), withCliVersion(runtime.manifestFor(environment, FeatureSet.core())));

        RuntimeStatus status = inspect();

        assertThat(status.kind()).isEqualTo(RuntimeStatus.Kind.MISMATCHED);
        assertThat(status.detail()).isEqualTo("Runtime is for CLI 0.1.0, current CLI is 0.2.0");
    }

    @Test
    void aManifestOfAnotherWheelIsMismatched() {
        runtime.installedRuntime("a", FeatureSet.core());

        RuntimeStatus status = runtime.inspector().inspect(Optional.of(FakeRuntime.asset(FakeRuntime.OTHER_WHEEL_SHA)));

        assertThat(status.kind()).isEqualTo(RuntimeStatus.Kind.MISMATCHED);
        assertThat(status.detail()).isEqualTo(
                "Runtime was installed from wheel 0123456789ab, the bundled wheel is fedcba987654");
    }

    @Test
    void withoutABundledManifestTheWheelIsNotCompared() {
        runtime.installedRuntime("a", FeatureSet.core());

        assertThat(runtime.inspector().inspect(Optional.empty())).isInstanceOf(RuntimeStatus.Ready.class);
    }

    @Test
    void anInvalidManifestIsBrokenWithItsReason() {
        runtime.manifests().putInvalid(layout.manifestPath(), "field 'features' must not be empty");

        RuntimeStatus status = inspect();

        assertThat(status).isEqualTo(new RuntimeStatus.Broken(layout, Optional.empty(),
                "Runtime manifest is invalid: field 'features' must not be empty"));
    }

    @Test
    void aMissingPythonIsBroken() {
        EnvironmentLayout environment = runtime.installedRuntime("a", FeatureSet.core());
        runtime.files().remove(environment.pythonPath());

        assertBroken("Missing Python executable: " + environment.pythonPath());
    }

    @Test
    void aPythonThatIsADirectoryIsMissing() {
        EnvironmentLayout environment = runtime.installedRuntime("a", FeatureSet.core());
        runtime.files().remove(environment.pythonPath()).directory(environment.pythonPath());

        assertBroken("Missing Python executable: " + environment.pythonPath());
    }

    @Test
    void aPythonLinkToAVanishedInterpreterNamesTheMissingTarget() {
        EnvironmentLayout environment = runtime.installedRuntime("a", FeatureSet.core());
        Path vanished = Path.of("/opt/python/3.11.4/bin/python3.11");
        runtime.files().symlink(environment.pythonPath(), vanished);

        assertBroken("Python interpreter of the runtime no longer exists: " + vanished
                + " (linked from " + environment.pythonPath() + ")");
    }

    @Test
    void aPythonLinkToAnExistingInterpreterIsReady() {
        EnvironmentLayout environment = runtime.installedRuntime("a", FeatureSet.core());
        runtime.files().symlink(environment.pythonPath(), Path.of("python3"))
                .file(environment.pythonPath().resolveSibling("python3"));

        assertThat(inspect()).isInstanceOf(RuntimeStatus.Ready.class);
    }

    @Test
    void aVanishedBaseInterpreterNamedByPyvenvCfgIsBroken() {
        EnvironmentLayout environment = runtime.installedRuntime("a", FeatureSet.core());
        runtime.files().file(environment.venvDir().resolve("pyvenv.cfg"),
                "include-system-site-packages = false\nhome = /opt/python/3.11/bin\nversion = 3.11.4\n");

        assertBroken("Base Python interpreter of the runtime no longer exists: /opt/python/3.11/bin (named by "
                + environment.venvDir().resolve("pyvenv.cfg") + ")");
    }

    @Test
    void anEnvironmentWithoutPyvenvCfgIsJudgedByItsExecutables() {
        EnvironmentLayout environment = runtime.installedRuntime("a", FeatureSet.core());
        runtime.files().remove(environment.venvDir().resolve("pyvenv.cfg"));

        assertThat(inspect()).isInstanceOf(RuntimeStatus.Ready.class);
    }

    @Test
    void aMissingDaemonIsBroken() {
        EnvironmentLayout environment = runtime.installedRuntime("a", FeatureSet.core());
        runtime.files().remove(environment.daemonPath());

        assertBroken("Missing ktx-daemon executable: " + environment.daemonPath());
    }

    @Test
    void aPythonOutsideTheVersionDirIsBrokenEvenIfItExists() {
        EnvironmentLayout elsewhere = EnvironmentLayout.of(layout.platform(), Path.of("/tmp/evil/venv"));
        runtime.files().file(elsewhere.pythonPath()).file(elsewhere.daemonPath());
        runtime.manifests().put(layout.manifestPath(), runtime.manifestFor(elsewhere, FeatureSet.core()));

        assertBroken("Runtime manifest is invalid: python.executable is outside " + layout.versionDir());
    }

    @Test
    void aPythonEscapingTheVersionDirThroughDotDotIsBroken() {
        EnvironmentLayout sibling = runtime.installedRuntime("a", FeatureSet.core());
        Path escaping = layout.versionDir().resolve("venv-a/../../0.1.0/venv-b/bin/python");
        runtime.files().file(escaping).file(escaping.resolveSibling("ktx-daemon"));
        runtime.manifests().put(layout.manifestPath(), withExecutables(runtime.manifestFor(sibling, FeatureSet.core()),
                escaping, escaping.resolveSibling("ktx-daemon")));

        assertBroken("Runtime manifest is invalid: python.executable is outside " + layout.versionDir());
    }

    @Test
    void aPythonDirectlyInTheVersionDirIsBroken() {
        Path python = layout.versionDir().resolve("bin/python");
        runtime.files().file(python).file(python.resolveSibling("ktx-daemon"));
        runtime.manifests().put(layout.manifestPath(), withExecutables(
                runtime.manifestFor(layout.environment("a"), FeatureSet.core()), python, python.resolveSibling("ktx-daemon")));

        assertBroken("Runtime manifest is invalid: python.executable is outside " + layout.versionDir());
    }

    @Test
    void aDaemonOutsideThePythonsEnvironmentIsBroken() {
        EnvironmentLayout environment = runtime.installedRuntime("a", FeatureSet.core());
        Path daemon = Path.of("/usr/local/bin/ktx-daemon");
        runtime.files().file(daemon);
        runtime.manifests().put(layout.manifestPath(), withExecutables(
                runtime.manifestFor(environment, FeatureSet.core()), environment.pythonPath(), daemon));

        assertBroken("Runtime manifest is invalid: python.daemonExecutable is not in the environment of python.executable");
    }

    @Test
    void aManifestReplacedByAConcurrentInstallIsJudgedByItsNewContent() {
        EnvironmentLayout old = runtime.environmentOnDisk("old");
        EnvironmentLayout fresh = runtime.installedRuntime("new", FeatureSet.core());
        // The reader saw the old manifest, then the installer committed the new one and removed the old environment.
        runtime.files().remove(old.venvDir());
        runtime.manifests().nextReadsReturn(new ManifestStore.Present(runtime.manifestFor(old, FeatureSet.core())));

        RuntimeStatus status = inspect();

        assertThat(status).isInstanceOf(RuntimeStatus.Ready.class);
        assertThat(status.environment()).contains(fresh);
        assertThat(runtime.manifests().reads()).isEqualTo(2);
    }

    @Test
    void aBrokenRuntimeWhoseManifestDidNotChangeStaysBroken() {
        EnvironmentLayout environment = runtime.installedRuntime("a", FeatureSet.core());
        runtime.files().remove(environment.daemonPath());

        RuntimeStatus status = inspect();

        assertThat(status.kind()).isEqualTo(RuntimeStatus.Kind.BROKEN);
        assertThat(runtime.manifests().reads()).isEqualTo(2);
    }

    @Test
    void statusReadsTheBundledManifestWithoutVerifyingTheWheel() {
        runtime.installedRuntime("a", FeatureSet.core());
        runtime.assets().readableManifest(Optional.of(FakeRuntime.asset(FakeRuntime.OTHER_WHEEL_SHA)));

        RuntimeStatus status = runtime.statusService().inspect();

        assertThat(status.kind()).isEqualTo(RuntimeStatus.Kind.MISMATCHED);
        assertThat(runtime.assets().verifications()).isZero();
    }

    @Test
    void statusWorksWhenTheBundledManifestIsUnreadable() {
        runtime.installedRuntime("a", FeatureSet.core());
        runtime.assets().readableManifest(Optional.empty());

        assertThat(runtime.statusService().inspect()).isInstanceOf(RuntimeStatus.Ready.class);
    }

    private RuntimeStatus inspect() {
        return runtime.inspector().inspect(Optional.of(FakeRuntime.asset()));
    }

    private void assertBroken(String detail) {
        RuntimeStatus status = inspect();
        assertThat(status.kind()).isEqualTo(RuntimeStatus.Kind.BROKEN);
        assertThat(status.detail()).isEqualTo(detail);
        assertThat(status.manifest()).isEqualTo(runtime.committedManifest());
    }

    private static InstalledManifest withCliVersion(InstalledManifest manifest) {
        return new InstalledManifest(1, "0.1.0", manifest.installedAt(), manifest.asset(), manifest.features(),
                manifest.python(), manifest.installLog(), manifest.provisioner());
    }

    private static InstalledManifest withExecutables(InstalledManifest manifest, Path python, Path daemon) {
        return new InstalledManifest(1, manifest.cliVersion(), manifest.installedAt(), manifest.asset(),
                manifest.features(), new InstalledManifest.Executables(python, daemon), manifest.installLog(),
                manifest.provisioner());
    }
}
