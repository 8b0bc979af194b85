package ai.kaelio.ktx.application.service;

import static ai.kaelio.ktx.domain.Feature.LOCAL_EMBEDDINGS;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.in.InstallRequest;
import ai.kaelio.ktx.application.port.in.InstallResult;
import ai.kaelio.ktx.application.port.out.RuntimeFiles;
import ai.kaelio.ktx.application.testing.FakeRuntime;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.InstalledManifest;
import ai.kaelio.ktx.domain.RuntimeLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ReinstallRuntimeTest {

    private final FakeRuntime runtime = new FakeRuntime();
    private final RuntimeLayout layout = runtime.layout();

    @Test
    void forceReinstallsTheUnionOfRequestedAndInstalledFeatures() throws Exception {
        runtime.installedRuntime("old", FeatureSet.of(LOCAL_EMBEDDINGS));

        InstallResult result = runtime.installService().install(InstallRequest.of(FeatureSet.core()).forced());

        assertThat(runtime.provisioner().lastRequest().features()).isEqualTo(FeatureSet.of(LOCAL_EMBEDDINGS));
        assertThat(((InstallResult.Installed) result).manifest().features().ids())
                .containsExactly("core", "local-embeddings");
    }

    @Test
    void forceReinstallsAReadyRuntimeIntoANewEnvironment() throws Exception {
        EnvironmentLayout old = runtime.installedRuntime("old", FeatureSet.core());

        InstallResult result = runtime.installService().install(InstallRequest.of(FeatureSet.core()).forced());

        EnvironmentLayout fresh = runtime.provisioner().lastRequest().environment();
        assertThat(result).isInstanceOf(InstallResult.Installed.class);
        assertThat(fresh).isNotEqualTo(old);
        assertThat(runtime.committedManifest().orElseThrow().python().executable()).isEqualTo(fresh.pythonPath());
    }

    @Test
    void successfulReinstallKeepsThePreviousEnvironmentUntilTheNextInstall() throws Exception {
        EnvironmentLayout old = runtime.installedRuntime("old", FeatureSet.core());
        AtomicBoolean oldExistedAtCommit = new AtomicBoolean();
        runtime.manifests().beforeWrite(manifest -> oldExistedAtCommit.set(runtime.files().isRegularFile(old.pythonPath())));

        runtime.installService().install(InstallRequest.of(FeatureSet.core()).forced());

        EnvironmentLayout fresh = runtime.provisioner().lastRequest().environment();
        assertThat(oldExistedAtCommit).isTrue();
        assertThat(runtime.files().isRegularFile(old.pythonPath())).as("a reader of the old manifest can still run it").isTrue();
        assertThat(runtime.files().isRegularFile(fresh.pythonPath())).isTrue();
        assertThat(runtime.files().isRegularFile(fresh.daemonPath())).isTrue();

        runtime.installService().install(InstallRequest.of(FeatureSet.core()).forced());

        assertThat(runtime.files().exists(old.venvDir())).as("removed by the next install").isFalse();
        assertThat(runtime.files().isRegularFile(fresh.pythonPath())).as("the one replaced just now stays").isTrue();
    }

    @Test
    void leftoversOfDeadAttemptsAreRemovedBeforeProvisioningAndTheCommittedOneIsKept() throws Exception {
        EnvironmentLayout committed = runtime.installedRuntime("committed", FeatureSet.core());
        runtime.files().remove(committed.daemonPath()); // broken, so the install goes ahead without --force
        runtime.environmentOnDisk("dead-1");
        runtime.files().directory(layout.versionDir().resolve("venv-dead-2/lib/python3.12"))
                .file(layout.versionDir().resolve("venv-notes"))
                .symlink(layout.versionDir().resolve("venv-link"), Path.of("/home/alex/keep"))
                .directory(layout.versionDir().resolve("cache"));
        List<String> seenByProvisioner = new ArrayList<>();
        runtime.provisioner().behaves(request -> {
            runtime.files().list(layout.versionDir()).stream().map(RuntimeFiles.Entry::name).forEach(seenByProvisioner::add);
            return runtime.provisioner().succeed(request);
        });

        runtime.installService().install(InstallRequest.of(FeatureSet.core()));

        assertThat(seenByProvisioner).containsExactly("cache", "venv-committed", "venv-link", "venv-notes");
    }

    @Test
    void leftoversAreRemovedWhenNoRuntimeWasEverCommitted() throws Exception {
        runtime.environmentOnDisk("dead-1");

        InstallResult result = runtime.installService().install(InstallRequest.of(FeatureSet.core()));

        assertThat(result).isInstanceOf(InstallResult.Installed.class);
        assertThat(runtime.files().exists(layout.environment("dead-1").venvDir())).isFalse();
    }

    @Test
    void anInstallThatCannotRemoveALeftoverStillSucceeds() throws Exception {
        EnvironmentLayout dead = runtime.environmentOnDisk("dead-1");
        java.nio.file.Path aside = dead.venvDir().resolveSibling(".removing-" + dead.venvDir().getFileName());
        runtime.files().failDeleting(aside, new java.nio.file.AccessDeniedException(aside.toString()));

        InstallResult result = runtime.installService().install(InstallRequest.of(FeatureSet.core()));

        assertThat(result).isInstanceOf(InstallResult.Installed.class);
        assertThat(runtime.files().exists(aside.resolve("bin/python"))).isTrue();
    }

    @Test
    void reinstallOverAnotherWheelKeepsTheInstalledFeatures() throws Exception {
        EnvironmentLayout old = runtime.installedRuntime("old", FeatureSet.of(LOCAL_EMBEDDINGS));
        InstalledManifest installed = runtime.committedManifest().orElseThrow();
        runtime.manifests().put(layout.manifestPath(), new InstalledManifest(1, installed.cliVersion(),
                installed.installedAt(), FakeRuntime.asset(FakeRuntime.OTHER_WHEEL_SHA), installed.features(),
                installed.python(), installed.installLog(), installed.provisioner()));

        runtime.installService().install(InstallRequest.of(FeatureSet.core()));

        assertThat(runtime.provisioner().lastRequest().features()).isEqualTo(FeatureSet.of(LOCAL_EMBEDDINGS));
        assertThat(runtime.files().exists(old.venvDir())).as("kept until the next install").isTrue();
    }

    @Test
    void aReinstallNeverDeletesAnEnvironmentOutsideTheVersionDir() throws Exception {
        // A manifest of another CLI version may name any environment; it is not ours to remove.
        EnvironmentLayout foreign = EnvironmentLayout.of(layout.platform(), Path.of("/home/alex/tools/venv-shared"));
        runtime.files().file(foreign.pythonPath()).file(foreign.daemonPath());
        InstalledManifest template = runtime.manifestFor(foreign, FeatureSet.core());
        runtime.manifests().put(layout.manifestPath(), new InstalledManifest(1, "0.1.0", template.installedAt(),
                template.asset(), template.features(), template.python(), template.installLog(), template.provisioner()));

        InstallResult result = runtime.installService().install(InstallRequest.of(FeatureSet.core()));

        assertThat(result).isInstanceOf(InstallResult.Installed.class);
        assertThat(runtime.files().isRegularFile(foreign.pythonPath())).isTrue();
    }

    @Test
    void aManifestOfAnotherCliVersionContributesNoFeatures() throws Exception {
        // It describes what another version installed, not what this version's runtime had.
        EnvironmentLayout old = runtime.environmentOnDisk("old");
        InstalledManifest template = runtime.manifestFor(old, FeatureSet.of(LOCAL_EMBEDDINGS));
        runtime.manifests().put(layout.manifestPath(), new InstalledManifest(1, "0.1.0", template.installedAt(),
                template.asset(), template.features(), template.python(), template.installLog(), template.provisioner()));

        runtime.installService().install(InstallRequest.of(FeatureSet.core()));

        assertThat(runtime.provisioner().lastRequest().features()).isEqualTo(FeatureSet.core());
    }

    @Test
    void anInvalidManifestIsReplacedWithTheRequestedFeatures() throws Exception {
        runtime.environmentOnDisk("unknown");
        runtime.manifests().putInvalid(layout.manifestPath(), "field 'features' must not be empty");

        InstallResult result = runtime.installService().install(InstallRequest.of(FeatureSet.core()));

        assertThat(((InstallResult.Installed) result).manifest().features()).isEqualTo(FeatureSet.core());
        assertThat(runtime.files().exists(layout.environment("unknown").venvDir())).isFalse();
    }
}
