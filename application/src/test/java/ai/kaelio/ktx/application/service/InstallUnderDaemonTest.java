package ai.kaelio.ktx.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.in.Confirmation;
import ai.kaelio.ktx.application.port.in.InstallConsent;
import ai.kaelio.ktx.application.port.in.InstallObserver;
import ai.kaelio.ktx.application.port.in.InstallRequest;
import ai.kaelio.ktx.application.port.in.InstallResult;
import ai.kaelio.ktx.application.port.in.StartRequest;
import ai.kaelio.ktx.application.port.in.StartResult;
import ai.kaelio.ktx.application.port.in.StopRequest;
import ai.kaelio.ktx.application.testing.FakeDaemonHost;
import ai.kaelio.ktx.application.testing.FakeRuntime;
import ai.kaelio.ktx.domain.DaemonRecord;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.ProcessSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A reinstall would remove the environment a running daemon runs from: install refuses and says what to do. */
class InstallUnderDaemonTest {

    private final FakeRuntime runtime = new FakeRuntime();

    private DaemonRecord startDaemon() throws Exception {
        return ((StartResult.Started) runtime.startService().start(new StartRequest(FeatureSet.core(), false,
                InstallConsent.NEVER, Confirmation.NOBODY, InstallObserver.SILENT))).daemon();
    }

    @Test
    void forcedReinstallUnderARunningDaemonIsRefusedAndTouchesNothing() throws Exception {
        EnvironmentLayout environment = runtime.installedRuntime("a", FeatureSet.core());
        DaemonRecord daemon = startDaemon();

        InstallResult result = runtime.installService().install(InstallRequest.of(FeatureSet.core()).forced());

        assertThat(result).isEqualTo(new InstallResult.DaemonRunning(List.of(daemon.pid())));
        assertThat(runtime.provisioner().requests()).isEmpty();
        assertThat(runtime.committedManifest().orElseThrow().python().executable()).isEqualTo(environment.pythonPath());
        assertThat(runtime.daemonHost().isAlive(daemon.pid())).isTrue();
    }

    @Test
    void addingAFeatureUnderARunningDaemonIsRefusedToo() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        startDaemon();

        InstallResult result = runtime.installService().install(InstallRequest.of(FeatureSet.of(Feature.LOCAL_EMBEDDINGS)));

        assertThat(result).isInstanceOf(InstallResult.DaemonRunning.class);
    }

    @Test
    void aRuntimeThatAlreadyCoversTheRequestIsReportedReadyWhileTheDaemonRuns() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        startDaemon();

        assertThat(runtime.installService().install(InstallRequest.of(FeatureSet.core())))
                .isInstanceOf(InstallResult.AlreadyReady.class);
    }

    @Test
    void onceTheDaemonIsStoppedTheReinstallGoesAhead() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        startDaemon();
        runtime.stopService().stop(new StopRequest(false, InstallObserver.SILENT));

        assertThat(runtime.installService().install(InstallRequest.of(FeatureSet.core()).forced()))
                .isInstanceOf(InstallResult.Installed.class);
    }

    @Test
    void aDeadDaemonDoesNotBlockAReinstall() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        runtime.daemonHost().crash(startDaemon().pid());

        assertThat(runtime.installService().install(InstallRequest.of(FeatureSet.core()).forced()))
                .isInstanceOf(InstallResult.Installed.class);
    }

    @Test
    void aDaemonWhoseStateWasDamagedStillBlocksAReinstall() throws Exception {
        EnvironmentLayout environment = runtime.installedRuntime("a", FeatureSet.core());
        DaemonRecord daemon = startDaemon();
        runtime.daemonFiles().putInvalidState(runtime.layout().daemonStatePath(), "Unexpected end-of-input");

        InstallResult result = runtime.installService().install(InstallRequest.of(FeatureSet.core()).forced());

        assertThat(result).isEqualTo(new InstallResult.DaemonRunning(List.of(daemon.pid())));
        assertThat(runtime.committedManifest().orElseThrow().python().executable()).isEqualTo(environment.pythonPath());
    }

    @Test
    void aDaemonLeftByAStartKilledBeforeRecordingItBlocksAReinstall() throws Exception {
        EnvironmentLayout environment = runtime.installedRuntime("a", FeatureSet.core());
        ProcessSnapshot left = runtime.daemonHost().runDaemon(environment.daemonPath(), "lost", FeatureSet.core(),
                FakeDaemonHost.Stubbornness.NONE);
        runtime.daemonFiles().markStarting(runtime.layout().daemonStartingPath());

        InstallResult result = runtime.installService().install(InstallRequest.of(FeatureSet.core()).forced());

        assertThat(result).isEqualTo(new InstallResult.DaemonRunning(List.of(left.pid())));
        assertThat(runtime.daemonHost().signals()).isEmpty();
    }

    @Test
    void aStartsMarkerWithNoDaemonLeftDoesNotBlockAReinstall() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        runtime.daemonFiles().markStarting(runtime.layout().daemonStartingPath());

        assertThat(runtime.installService().install(InstallRequest.of(FeatureSet.core()).forced()))
                .isInstanceOf(InstallResult.Installed.class);
    }
}
