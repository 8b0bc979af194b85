package ai.kaelio.ktx.application.service;

import static ai.kaelio.ktx.domain.Feature.LOCAL_EMBEDDINGS;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.in.InstallRequest;
import ai.kaelio.ktx.application.port.in.InstallResult;
import ai.kaelio.ktx.application.port.out.EnvironmentProvisioner;
import ai.kaelio.ktx.application.testing.FakeRuntime;
import ai.kaelio.ktx.application.testing.FakeRuntimeLock;
import ai.kaelio.ktx.application.testing.RecordingInstallObserver;
import ai.kaelio.ktx.application.testing.RecordingProvisioner;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.InstallStep;
import ai.kaelio.ktx.domain.InstalledManifest;
import ai.kaelio.ktx.domain.ProvisionerInfo;
import ai.kaelio.ktx.domain.PythonRequirement;
import ai.kaelio.ktx.domain.RuntimeLayout;
import ai.kaelio.ktx.domain.RuntimeStatus;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstallRuntimeServiceTest {

    private final FakeRuntime runtime = new FakeRuntime();
    private final RuntimeLayout layout = runtime.layout();
    private final RecordingInstallObserver observer = new RecordingInstallObserver();

    @Test
    void rejectedAssetIsRefusedWithItsSentenceAndTouchesNothing() throws Exception {
        String reason = "Bundled Python runtime wheel checksum mismatch: " + FakeRuntime.wheelPath();
        runtime.assets().reject(reason);

        InstallResult result = install(FeatureSet.core());

        assertThat(result).isEqualTo(new InstallResult.Refused(reason));
        assertThat(runtime.lock().acquisitions()).isEmpty();
        assertThat(runtime.provisioner().requests()).isEmpty();
        assertThat(runtime.provisioners().asked()).isEmpty();
        assertThat(runtime.manifests().written()).isEmpty();
        assertThat(runtime.files().exists(layout.versionDir())).isFalse();
    }

    @Test
    void readyRuntimeCoveringTheRequestIsReusedWithoutLockOrProvisioning() throws Exception {
        runtime.installedRuntime("old", FeatureSet.of(LOCAL_EMBEDDINGS));
        InstalledManifest installed = runtime.committedManifest().orElseThrow();

        InstallResult result = install(FeatureSet.core());

        assertThat(result).isEqualTo(new InstallResult.AlreadyReady(layout, installed));
        assertThat(runtime.lock().acquisitions()).isEmpty();
        assertThat(runtime.provisioner().requests()).isEmpty();
        assertThat(runtime.manifests().written()).isEmpty();
    }

    @Test
    void freshInstallProvisionsANewEnvironmentInTheVersionDir() throws Exception {
        install(FeatureSet.core());

        EnvironmentProvisioner.Request request = runtime.provisioner().lastRequest();
        assertThat(runtime.provisioner().requests()).hasSize(1);
        assertThat(request.environment().venvDir().getParent()).isEqualTo(layout.versionDir());
        assertThat(request.environment().venvDir().getFileName().toString())
                .matches("venv-20260301T101530-[0-9a-f]{6}");
        assertThat(request.environment()).isEqualTo(layout.environment(
                request.environment().venvDir().getFileName().toString().substring("venv-".length())));
        assertThat(request.wheel()).isEqualTo(FakeRuntime.wheelPath());
        assertThat(request.features()).isEqualTo(FeatureSet.core());
        assertThat(request.requiresPython()).isEqualTo(PythonRequirement.parse(FakeRuntime.REQUIRES_PYTHON));
        assertThat(request.installLog()).isEqualTo(layout.attemptLogPath(request.environment()).orElseThrow());
    }

    @Test
    void freshInstallCommitsAManifestNamingTheAttemptsExecutables() throws Exception {
        InstallResult result = install(FeatureSet.core());

        EnvironmentProvisioner.Request request = runtime.provisioner().lastRequest();
        InstalledManifest manifest = ((InstallResult.Installed) result).manifest();
        assertThat(manifest.cliVersion()).isEqualTo("0.2.0");
        assertThat(manifest.features().ids()).containsExactly("core");
        assertThat(manifest.python().executable()).isEqualTo(request.environment().pythonPath());
        assertThat(manifest.python().daemonExecutable()).isEqualTo(request.environment().daemonPath());
        assertThat(manifest.asset()).isEqualTo(FakeRuntime.asset());
        assertThat(manifest.installedAt()).isEqualTo(FakeRuntime.NOW);
        assertThat(manifest.installLog()).isEqualTo(layout.installLogPath());
        assertThat(manifest.provisioner()).contains(new ProvisionerInfo("venv", RecordingProvisioner.VERSION));
        assertThat(runtime.committedManifest()).contains(manifest);
        assertThat(runtime.manifests().written()).containsExactly(manifest);
        assertThat(runtime.inspector().inspect(Optional.of(FakeRuntime.asset()))).isInstanceOf(RuntimeStatus.Ready.class);
    }

    @Test
    void freshInstallWorksUnderTheVersionLockAndReleasesIt() throws Exception {
        install(FeatureSet.core());

        assertThat(runtime.lock().acquisitions())
                .containsExactly(new FakeRuntimeLock.Acquisition(layout.lockPath(), "install", false));
        assertThat(runtime.lock().holdsAny()).isFalse();
        assertThat(observer.waits()).isEmpty();
    }

    @Test
    void freshInstallReportsItsStepsInOrder() throws Exception {
        install(FeatureSet.core());

        assertThat(observer.steps()).containsExactly(InstallStep.VERIFY_WHEEL, InstallStep.CREATE_ENVIRONMENT,
                InstallStep.INSTALL_PACKAGES, InstallStep.WRITE_MANIFEST);
    }

    @Test
    void localEmbeddingsRequestRecordsCoreAndLocalEmbeddings() throws Exception {
        InstallResult result = install(FeatureSet.of(LOCAL_EMBEDDINGS));

        assertThat(runtime.provisioner().lastRequest().features()).isEqualTo(FeatureSet.of(LOCAL_EMBEDDINGS));
        assertThat(((InstallResult.Installed) result).manifest().features().ids())
                .containsExactly("core", "local-embeddings");
    }

    @Test
    void readyRuntimeWithoutARequestedFeatureIsReinstalledWithBoth() throws Exception {
        runtime.installedRuntime("old", FeatureSet.core());

        InstallResult result = install(FeatureSet.of(LOCAL_EMBEDDINGS));

        assertThat(result).isInstanceOf(InstallResult.Installed.class);
        assertThat(runtime.provisioner().lastRequest().features()).isEqualTo(FeatureSet.of(LOCAL_EMBEDDINGS));
    }

    @Test
    void installsWhenTheRuntimeWasBuiltFromAnotherWheel() throws Exception {
        runtime.installedRuntime("old", FeatureSet.core());
        runtime.manifests().put(layout.manifestPath(), withAsset(runtime.committedManifest().orElseThrow(),
                FakeRuntime.OTHER_WHEEL_SHA));

        InstallResult result = install(FeatureSet.core());

        assertThat(result).isInstanceOf(InstallResult.Installed.class);
        assertThat(runtime.committedManifest().orElseThrow().asset()).isEqualTo(FakeRuntime.asset());
    }

    private InstallResult install(FeatureSet features) throws Exception {
        return runtime.installService().install(InstallRequest.of(features).observedBy(observer));
    }

    private static InstalledManifest withAsset(InstalledManifest manifest, String sha256) {
        return new InstalledManifest(manifest.schemaVersion(), manifest.cliVersion(), manifest.installedAt(),
                FakeRuntime.asset(sha256), manifest.features(), manifest.python(), manifest.installLog(),
                manifest.provisioner());
    }
}
