package ai.kaelio.ktx.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kaelio.ktx.application.port.in.InstallRequest;
import ai.kaelio.ktx.application.port.in.InstallResult;
import ai.kaelio.ktx.application.port.out.RuntimeFiles;
import ai.kaelio.ktx.application.testing.FakeRuntime;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.RuntimeLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** install.log belongs to the committed runtime: no later attempt, whatever becomes of it, writes over it. */
class InstallLogsTest {

    private static final String PREVIOUS_LOG = "$ python3 -m venv previous\n# exit 0\n";

    private final FakeRuntime runtime = new FakeRuntime();
    private final RuntimeLayout layout = runtime.layout();

    @Test
    void aFailedReinstallPointsAtItsOwnLogAndLeavesTheRuntimesLogWhole() throws Exception {
        aReadyRuntimeWithItsLog();
        runtime.provisioner().fails("pip install kaelio_ktx.whl", List.of("ERROR: boom"));

        InstallResult result = reinstall();

        Path attemptLog = attemptLog();
        assertThat(((InstallResult.Failed) result).installLog()).isEqualTo(attemptLog).isNotEqualTo(layout.installLogPath());
        assertThat(runtime.files().content(attemptLog)).hasValueSatisfying(log -> assertThat(log).contains("ERROR: boom"));
        assertThat(runtime.files().content(layout.installLogPath())).contains(PREVIOUS_LOG);
        assertThat(runtime.committedManifest().orElseThrow().installLog()).isEqualTo(layout.installLogPath());
    }

    @Test
    void aCancelledReinstallLeavesTheRuntimesLogWholeAndNoLogOfItsOwn() throws Exception {
        aReadyRuntimeWithItsLog();
        runtime.provisioner().behaves(request -> {
            runtime.files().file(request.installLog(), "$ pip install …\n");
            throw new InterruptedException("cancelled");
        });

        assertThatThrownBy(this::reinstall).isInstanceOf(InterruptedException.class);

        assertThat(runtime.files().content(layout.installLogPath())).contains(PREVIOUS_LOG);
        assertThat(runtime.files().exists(attemptLog())).isFalse();
    }

    @Test
    void aRefusedReinstallLeavesTheRuntimesLogWholeAndNoLogOfItsOwn() throws Exception {
        aReadyRuntimeWithItsLog();
        runtime.provisioner().behaves(request -> {
            runtime.files().file(request.installLog(), "# Python 3.8 is too old\n");
            return new ai.kaelio.ktx.application.port.out.EnvironmentProvisioner.Refused("too old");
        });

        reinstall();

        assertThat(runtime.files().content(layout.installLogPath())).contains(PREVIOUS_LOG);
        assertThat(runtime.files().exists(attemptLog())).isFalse();
    }

    @Test
    void aCommittedAttemptsLogBecomesInstallLog() throws Exception {
        aReadyRuntimeWithItsLog();

        InstallResult result = reinstall();

        assertThat(result).isInstanceOf(InstallResult.Installed.class);
        assertThat(runtime.committedManifest().orElseThrow().installLog()).isEqualTo(layout.installLogPath());
        assertThat(runtime.files().content(layout.installLogPath()))
                .hasValueSatisfying(log -> assertThat(log).startsWith("$ venv install ").doesNotContain(PREVIOUS_LOG));
        assertThat(attemptLogsOnDisk()).isEmpty();
    }

    @Test
    void theRuntimesLogIsReplacedOnlyOnceTheNewManifestIsCommitted() throws Exception {
        aReadyRuntimeWithItsLog();
        List<String> logAtCommit = new ArrayList<>();
        runtime.manifests().beforeWrite(manifest ->
                logAtCommit.add(runtime.files().content(layout.installLogPath()).orElse("(none)")));

        reinstall();

        assertThat(logAtCommit).containsExactly(PREVIOUS_LOG);
    }

    @Test
    void theNextInstallRemovesAFailedAttemptsLogWithItsEnvironment() throws Exception {
        aReadyRuntimeWithItsLog();
        runtime.provisioner().fails("pip install kaelio_ktx.whl", List.of("ERROR: boom"));
        reinstall();
        Path failedLog = attemptLog();
        runtime.provisioner().succeeds();

        reinstall();

        assertThat(runtime.files().exists(failedLog)).isFalse();
        assertThat(attemptLogsOnDisk()).isEmpty();
    }

    @Test
    void aLogLeftByAnInstallEndedBetweenCommitAndRenameIsAdoptedByTheNextInstall() throws Exception {
        EnvironmentLayout committed = runtime.installedRuntime("committed", FeatureSet.core());
        runtime.files().file(layout.installLogPath(), PREVIOUS_LOG)
                .file(layout.attemptLogPath(committed).orElseThrow(), "$ the committed attempt\n")
                .file(layout.attemptLogPath("dead"), "$ a dead attempt\n");
        List<String> seenByProvisioner = new ArrayList<>();
        runtime.provisioner().behaves(request -> {
            seenByProvisioner.add(runtime.files().content(layout.installLogPath()).orElse("(none)"));
            seenByProvisioner.addAll(attemptLogsOnDisk());
            return runtime.provisioner().succeed(request);
        });

        reinstall();

        assertThat(seenByProvisioner).containsExactly("$ the committed attempt\n");
    }

    @Test
    void aLogThatCannotBeRenamedDoesNotFailTheCommittedInstall() throws Exception {
        aReadyRuntimeWithItsLog();
        runtime.files().failRenaming(new IOException("read-only file system"));

        InstallResult result = reinstall();

        assertThat(result).isInstanceOf(InstallResult.Installed.class);
        assertThat(runtime.files().content(attemptLog())).isPresent();
    }

    private void aReadyRuntimeWithItsLog() {
        runtime.installedRuntime("previous", FeatureSet.core());
        runtime.files().file(layout.installLogPath(), PREVIOUS_LOG);
    }

    private InstallResult reinstall() throws Exception {
        return runtime.installService().install(InstallRequest.of(FeatureSet.core()).forced());
    }

    private Path attemptLog() {
        return layout.attemptLogPath(runtime.provisioner().lastRequest().environment()).orElseThrow();
    }

    private List<String> attemptLogsOnDisk() throws IOException {
        return runtime.files().list(layout.versionDir()).stream().map(RuntimeFiles.Entry::name)
                .filter(RuntimeLayout::isAttemptLogName).toList();
    }
}
