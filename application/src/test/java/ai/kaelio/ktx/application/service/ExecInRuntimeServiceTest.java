package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.domain.RuntimeStatus;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.in.Confirmation;
import ai.kaelio.ktx.application.port.in.EnsureRequest;
import ai.kaelio.ktx.application.port.in.EnsureResult;
import ai.kaelio.ktx.application.port.in.ExecRequest;
import ai.kaelio.ktx.application.port.in.ExecResult;
import ai.kaelio.ktx.application.port.in.InstallConsent;
import ai.kaelio.ktx.application.port.in.InstallObserver;
import ai.kaelio.ktx.application.port.in.InstallResult;
import ai.kaelio.ktx.application.port.out.RuntimeCommands;
import ai.kaelio.ktx.application.testing.FakeRuntime;
import ai.kaelio.ktx.application.testing.RecordingRuntimeCommands;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecInRuntimeServiceTest {

    private static final List<String> COMMAND = List.of("python", "-c", "import sys; sys.exit(7)");

    private final FakeRuntime runtime = new FakeRuntime();
    private final RecordingRuntimeCommands commands = new RecordingRuntimeCommands();

    private ExecResult exec(FeatureSet features, InstallConsent consent, Confirmation confirmation) throws Exception {
        var service = new ExecInRuntimeService(
                new EnsureRuntimeService(runtime.inspector(), runtime.assets(), runtime.installService()), commands,
                runtime.leases());
        return service.exec(new ExecRequest(COMMAND, new EnsureRequest(features, consent, confirmation, InstallObserver.SILENT)));
    }

    @Test
    void readyRuntimeRunsTheCommandInTheManifestsEnvironmentAndPassesItsExitCodeThrough() throws Exception {
        var environment = runtime.installedRuntime("a", FeatureSet.core());
        commands.endsWith(new RuntimeCommands.Exited(7));

        var result = exec(FeatureSet.core(), InstallConsent.NEVER, Confirmation.NOBODY);

        assertThat(result).isEqualTo(new ExecResult.Exited(7));
        assertThat(commands.runs()).containsExactly(new RecordingRuntimeCommands.Run(environment, COMMAND));
        assertThat(runtime.provisioner().requests()).isEmpty();
    }

    // A reinstall meanwhile must not remove the environment under a running command.
    @Test
    void theCommandRunsUnderALeaseOnItsEnvironmentThatEndsWithIt() throws Exception {
        var environment = runtime.installedRuntime("a", FeatureSet.core());
        List<Boolean> leasedWhileRunning = new java.util.ArrayList<>();
        commands.whileRunning(running -> leasedWhileRunning.add(runtime.leases().isShared(running.venvDir())));

        exec(FeatureSet.core(), InstallConsent.NEVER, Confirmation.NOBODY);

        assertThat(leasedWhileRunning).containsExactly(true);
        assertThat(runtime.leases().isShared(environment.venvDir())).isFalse();
    }

    @Test
    void anEnvironmentReplacedBeforeItsLeaseIsTakenSendsTheCommandToTheNewOne() throws Exception {
        var old = runtime.installedRuntime("a", FeatureSet.core());
        runtime.leases().removedUnderneath(old.venvDir(), () -> runtime.installedRuntime("b", FeatureSet.core()));

        var result = exec(FeatureSet.core(), InstallConsent.NEVER, Confirmation.NOBODY);

        assertThat(result).isEqualTo(new ExecResult.Exited(0));
        assertThat(commands.runs()).extracting(RecordingRuntimeCommands.Run::environment)
                .containsExactly(runtime.layout().environment("b"));
    }

    @Test
    void noInputOnAMissingRuntimeRunsNothingAndGivesTheContractSentence() throws Exception {
        var result = exec(FeatureSet.core(), InstallConsent.NEVER, question -> {
            throw new AssertionError("--no-input must never ask");
        });

        assertThat(result).isEqualTo(new ExecResult.RuntimeUnavailable(new EnsureResult.NotAllowed(new RuntimeStatus.Missing(runtime.layout()), FeatureSet.core())));
        assertThat(commands.runs()).isEmpty();
        assertThat(runtime.committedManifest()).isEmpty();
    }

    @Test
    void withNobodyToAskNothingIsInstalledOrRun() throws Exception {
        var result = exec(FeatureSet.core(), InstallConsent.ASK, Confirmation.NOBODY);

        assertThat(result).isInstanceOf(ExecResult.RuntimeUnavailable.class);
        assertThat(commands.runs()).isEmpty();
        assertThat(runtime.provisioner().requests()).isEmpty();
    }

    @Test
    void yesInstallsAMissingRuntimeThenRunsInTheNewEnvironment() throws Exception {
        var result = exec(FeatureSet.core(), InstallConsent.YES, Confirmation.NOBODY);

        assertThat(result).isEqualTo(new ExecResult.Exited(0));
        var installed = runtime.committedManifest().orElseThrow();
        assertThat(commands.runs()).singleElement()
                .extracting(RecordingRuntimeCommands.Run::environment)
                .isEqualTo(installed.environment(runtime.layout().platform()));
    }

    @Test
    void yesRepairsABrokenRuntimeBeforeRunning() throws Exception {
        var broken = runtime.installedRuntime("a", FeatureSet.core());
        runtime.files().deleteTree(broken.daemonPath());

        var result = exec(FeatureSet.core(), InstallConsent.YES, Confirmation.NOBODY);

        assertThat(result).isEqualTo(new ExecResult.Exited(0));
        assertThat(commands.runs()).singleElement().extracting(run -> run.environment().venvDir())
                .isNotEqualTo(broken.venvDir());
    }

    @Test
    void aFeatureThatFailsToInstallLeavesTheCoreRuntimeAsItWasAndRunsNothing() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        var before = runtime.committedManifest().orElseThrow();
        runtime.provisioner().fails("pip install kaelio-ktx[local-embeddings]", List.of("No matching distribution for numpy"));

        var result = exec(FeatureSet.of(Feature.LOCAL_EMBEDDINGS), InstallConsent.YES, Confirmation.NOBODY);

        assertThat(result).isInstanceOfSatisfying(ExecResult.RuntimeUnavailable.class, unavailable ->
                assertThat(unavailable.reason()).isInstanceOfSatisfying(EnsureResult.InstallFailed.class, failed ->
                        assertThat(failed.result()).isInstanceOf(InstallResult.Failed.class)));
        assertThat(runtime.committedManifest()).contains(before);
        assertThat(runtime.statusService().inspect().isReady()).isTrue();
        assertThat(commands.runs()).isEmpty();
    }

    @Test
    void aCommandNotFoundInTheRuntimeOrOnPathIsReportedAsSuch() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        commands.endsWith(new RuntimeCommands.NotFound("python"));

        assertThat(exec(FeatureSet.core(), InstallConsent.NEVER, Confirmation.NOBODY))
                .isEqualTo(new ExecResult.CommandNotFound("python"));
    }

    @Test
    void aCommandTheSystemWillNotStartIsReportedWithTheReason() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        commands.endsWith(new RuntimeCommands.NotStarted("python", "Permission denied"));

        assertThat(exec(FeatureSet.core(), InstallConsent.NEVER, Confirmation.NOBODY))
                .isEqualTo(new ExecResult.CannotStart("python", "Permission denied"));
    }
}
