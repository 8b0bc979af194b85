package ai.kaelio.ktx.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kaelio.ktx.application.port.in.InstallRequest;
import ai.kaelio.ktx.application.port.in.InstallResult;
import ai.kaelio.ktx.application.port.out.RuntimeFiles;
import ai.kaelio.ktx.application.testing.FakeRuntime;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.InstalledManifest;
import ai.kaelio.ktx.domain.RuntimeLayout;
import ai.kaelio.ktx.domain.RuntimeStatus;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InstallFailureTest {

    private static final String PIP_INSTALL = "uv pip install --python /x/bin/python kaelio_ktx.whl";

    private final FakeRuntime runtime = new FakeRuntime();
    private final RuntimeLayout layout = runtime.layout();
    private EnvironmentLayout previous;
    private InstalledManifest previousManifest;

    @BeforeEach
    void aReadyRuntimeExists() {
        previous = runtime.installedRuntime("previous", FeatureSet.core());
        previousManifest = runtime.committedManifest().orElseThrow();
    }

    @Test
    void failingProvisionerReturnsTheLogAndTail() throws Exception {
        runtime.provisioner().fails(PIP_INSTALL, List.of("ERROR: No matching distribution", "exit 1"));

        InstallResult result = reinstall();

        assertThat(result).isEqualTo(new InstallResult.Failed(attemptLog(), PIP_INSTALL,
                List.of("ERROR: No matching distribution", "exit 1")));
        assertThat(runtime.files().content(attemptLog())).hasValueSatisfying(log -> assertThat(log)
                .contains("$ " + PIP_INSTALL).contains("ERROR: No matching distribution"));
    }

    @Test
    void failingProvisionerLeavesThePreviousRuntimeReady() throws Exception {
        runtime.provisioner().fails(PIP_INSTALL, List.of("exit 1"));

        reinstall();

        assertPreviousRuntimeIntact();
        assertThat(runtime.files().exists(attempt().venvDir())).isFalse();
        assertThat(runtime.lock().holdsAny()).isFalse();
    }

    @Test
    void failedFirstInstallLeavesNothingThatLooksReady() throws Exception {
        FakeRuntime fresh = new FakeRuntime();
        fresh.provisioner().fails(PIP_INSTALL, List.of("exit 1"));

        fresh.installService().install(InstallRequest.of(FeatureSet.core()));

        assertThat(fresh.inspector().inspect(Optional.of(FakeRuntime.asset()))).isInstanceOf(RuntimeStatus.Missing.class);
        assertThat(fresh.files().list(layout.versionDir())).extracting(RuntimeFiles.Entry::name)
                .as("only the failed attempt's log, which its message names").singleElement().asString()
                .matches("install-20260301T101530-[0-9a-f]{6}\\.log");
    }

    @Test
    void refusingProvisionerIsRefusedAndTheRuntimeStays() throws Exception {
        String reason = "Python 3.8.10 at /usr/bin/python3 does not satisfy >=3.10 (Requires-Python of the wheel)";
        runtime.provisioner().refuses(reason);

        InstallResult result = reinstall();

        assertThat(result).isEqualTo(new InstallResult.Refused(reason));
        assertPreviousRuntimeIntact();
    }

    @Test
    void anEnvironmentWithoutTheDaemonIsAFailureAndIsDiscarded() throws Exception {
        runtime.provisioner().succeedsWithoutDaemon();

        InstallResult result = reinstall();

        assertThat(result).isEqualTo(new InstallResult.Failed(attemptLog(), "venv",
                List.of("Missing ktx-daemon executable after provisioning: " + attempt().daemonPath())));
        assertThat(runtime.files().exists(attempt().venvDir())).isFalse();
        assertPreviousRuntimeIntact();
    }

    @Test
    void ioExceptionFromTheProvisionerDiscardsTheAttemptAndPropagates() {
        IOException failure = new IOException("No space left on device");
        runtime.provisioner().throwsMidway(failure);

        assertThatThrownBy(this::reinstall).isSameAs(failure);

        assertThat(runtime.files().exists(attempt().venvDir())).isFalse();
        assertThat(runtime.lock().holdsAny()).isFalse();
        assertPreviousRuntimeIntact();
    }

    @Test
    void interruptionDiscardsTheAttemptAndPropagates() {
        runtime.provisioner().isInterruptedMidway();

        assertThatThrownBy(this::reinstall).isInstanceOf(InterruptedException.class);

        assertThat(runtime.files().exists(attempt().venvDir())).isFalse();
        assertThat(runtime.lock().holdsAny()).isFalse();
        assertPreviousRuntimeIntact();
    }

    @Test
    void anUnexpectedProvisionerBugAlsoDiscardsTheAttempt() {
        IllegalStateException bug = new IllegalStateException("bug");
        runtime.provisioner().throwsMidway(bug);

        assertThatThrownBy(this::reinstall).isSameAs(bug);

        assertThat(runtime.files().exists(attempt().venvDir())).isFalse();
        assertPreviousRuntimeIntact();
    }

    @Test
    void aManifestThatCannotBeWrittenDiscardsTheAttemptAndKeepsThePrevious() {
        IOException failure = new IOException("read-only file system");
        runtime.manifests().failWritesWith(failure);

        assertThatThrownBy(this::reinstall).isSameAs(failure);

        assertThat(runtime.files().exists(attempt().venvDir())).isFalse();
        assertPreviousRuntimeIntact();
    }

    @Test
    void aVersionDirThatCannotBeCreatedPropagatesWithoutProvisioning() {
        IOException failure = new java.nio.file.AccessDeniedException(layout.versionDir().toString());
        runtime.files().failCreatingDirectories(failure);

        assertThatThrownBy(this::reinstall).isSameAs(failure);

        assertThat(runtime.provisioner().requests()).isEmpty();
        assertPreviousRuntimeIntact();
    }

    private InstallResult reinstall() throws Exception {
        return runtime.installService().install(InstallRequest.of(FeatureSet.core()).forced());
    }

    private java.nio.file.Path attemptLog() {
        return layout.attemptLogPath(attempt()).orElseThrow();
    }

    private EnvironmentLayout attempt() {
        return runtime.provisioner().lastRequest().environment();
    }

    private void assertPreviousRuntimeIntact() {
        assertThat(runtime.committedManifest()).contains(previousManifest);
        assertThat(runtime.manifests().written()).isEmpty();
        assertThat(runtime.files().isRegularFile(previous.pythonPath())).isTrue();
        assertThat(runtime.files().isRegularFile(previous.daemonPath())).isTrue();
        assertThat(runtime.inspector().inspect(Optional.of(FakeRuntime.asset())))
                .isEqualTo(new RuntimeStatus.Ready(layout, previousManifest));
    }
}
