package ai.kaelio.ktx.application.service;

import static ai.kaelio.ktx.domain.Feature.LOCAL_EMBEDDINGS;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.in.InstallRequest;
import ai.kaelio.ktx.application.port.in.InstallResult;
import ai.kaelio.ktx.application.testing.FakeRuntime;
import ai.kaelio.ktx.application.testing.FakeRuntimeLock;
import ai.kaelio.ktx.application.testing.RecordingInstallObserver;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.LockHolder;
import ai.kaelio.ktx.domain.RuntimeLayout;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstallLockTest {

    private static final LockHolder HOLDER = new LockHolder(4242, FakeRuntime.NOW.minusSeconds(30), "install");

    private final FakeRuntime runtime = new FakeRuntime();
    private final RuntimeLayout layout = runtime.layout();
    private final RecordingInstallObserver observer = new RecordingInstallObserver();

    @Test
    void aWaitingInstallSaysWhoItWaitsForAndReusesWhatTheyInstalled() throws Exception {
        runtime.lock().heldElsewhere(layout.lockPath(), Optional.of(HOLDER),
                () -> runtime.installedRuntime("theirs", FeatureSet.core()));

        InstallResult result = install(InstallRequest.of(FeatureSet.core()));

        assertThat(observer.waits())
                .containsExactly(new RecordingInstallObserver.Wait(layout.lockPath(), Optional.of(HOLDER)));
        assertThat(result).isEqualTo(
                new InstallResult.AlreadyReady(layout, runtime.committedManifest().orElseThrow()));
        assertThat(runtime.provisioner().requests()).isEmpty();
        assertThat(runtime.manifests().written()).isEmpty();
        assertThat(runtime.lock().holdsAny()).isFalse();
    }

    @Test
    void aWaiterProvisionsWhenTheHolderLeftNothingUsable() throws Exception {
        runtime.lock().heldElsewhere(layout.lockPath());

        InstallResult result = install(InstallRequest.of(FeatureSet.core()));

        assertThat(observer.waits())
                .containsExactly(new RecordingInstallObserver.Wait(layout.lockPath(), Optional.empty()));
        assertThat(result).isInstanceOf(InstallResult.Installed.class);
        assertThat(runtime.lock().acquisitions())
                .containsExactly(new FakeRuntimeLock.Acquisition(layout.lockPath(), "install", true));
    }

    @Test
    void aWaiterWhoseFeaturesTheHolderDidNotInstallProvisionsThem() throws Exception {
        runtime.lock().heldElsewhere(layout.lockPath(), Optional.of(HOLDER),
                () -> runtime.installedRuntime("theirs", FeatureSet.core()));

        install(InstallRequest.of(FeatureSet.of(LOCAL_EMBEDDINGS)));

        assertThat(runtime.provisioner().lastRequest().features()).isEqualTo(FeatureSet.of(LOCAL_EMBEDDINGS));
        assertThat(runtime.files().exists(layout.environment("theirs").venvDir())).as("kept until the next install").isTrue();
    }

    @Test
    void aForcedWaiterKeepsTheFeaturesTheHolderCommitted() throws Exception {
        runtime.lock().heldElsewhere(layout.lockPath(), Optional.of(HOLDER),
                () -> runtime.installedRuntime("theirs", FeatureSet.of(LOCAL_EMBEDDINGS)));

        install(InstallRequest.of(FeatureSet.core()).forced());

        assertThat(runtime.provisioner().lastRequest().features()).isEqualTo(FeatureSet.of(LOCAL_EMBEDDINGS));
        assertThat(runtime.committedManifest().orElseThrow().features()).isEqualTo(FeatureSet.of(LOCAL_EMBEDDINGS));
    }

    @Test
    void theHoldersCommittedEnvironmentSurvivesTheWaitersLeftoverCleanup() throws Exception {
        runtime.lock().heldElsewhere(layout.lockPath(), Optional.of(HOLDER),
                () -> runtime.installedRuntime("theirs", FeatureSet.core()));
        runtime.provisioner().fails("venv", java.util.List.of("exit 1"));

        install(InstallRequest.of(FeatureSet.of(LOCAL_EMBEDDINGS)));

        assertThat(runtime.files().isRegularFile(layout.environment("theirs").pythonPath())).isTrue();
    }

    private InstallResult install(InstallRequest request) throws Exception {
        return runtime.installService().install(request.observedBy(observer));
    }
}
