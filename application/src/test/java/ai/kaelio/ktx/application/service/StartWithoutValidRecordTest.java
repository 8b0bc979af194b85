package ai.kaelio.ktx.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.in.Confirmation;
import ai.kaelio.ktx.application.port.in.InstallConsent;
import ai.kaelio.ktx.application.port.in.InstallObserver;
import ai.kaelio.ktx.application.port.in.StartRequest;
import ai.kaelio.ktx.application.port.in.StartResult;
import ai.kaelio.ktx.application.port.out.DaemonFiles;
import ai.kaelio.ktx.application.testing.FakeDaemonHost;
import ai.kaelio.ktx.application.testing.FakeRuntime;
import ai.kaelio.ktx.domain.DaemonRecord;
import ai.kaelio.ktx.domain.DaemonState;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.ProcessSnapshot;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Start and the daemons no valid {@code daemon.json} names: it never leaves one behind (its marker is
 * there from before the spawn until the record), and it stops the ones a damaged record or a killed start
 * left before starting another.
 */
class StartWithoutValidRecordTest {

    private final FakeRuntime runtime = new FakeRuntime();
    private final FakeDaemonHost host = runtime.daemonHost();
    private final Path statePath = runtime.layout().daemonStatePath();

    private StartResult start() throws Exception {
        return runtime.startService().start(new StartRequest(
                FeatureSet.core(), false, InstallConsent.NEVER, Confirmation.NOBODY, InstallObserver.SILENT));
    }

    private DaemonRecord started(StartResult result) {
        assertThat(result).isInstanceOf(StartResult.Started.class);
        return ((StartResult.Started) result).daemon();
    }

    @Test
    void aDaemonWhoseStateWasDamagedIsStoppedBeforeAnotherIsStarted() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        DaemonRecord unreachable = started(start());
        runtime.daemonFiles().putInvalidState(statePath, "Unexpected end-of-input");

        DaemonRecord replacement = started(start());

        assertThat(host.isAlive(unreachable.pid())).isFalse();
        assertThat(host.alivePids()).containsExactly(replacement.pid());
    }

    @Test
    void aDaemonComingUpIsVisibleToStatusBeforeItIsRecorded() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        List<DaemonState> seen = new ArrayList<>();
        // What status, install or stop would find if ktx were killed now (kill -9 runs no clean-up).
        host.whileComingUp(process -> seen.add(runtime.daemonStatusService().inspect()));

        DaemonRecord daemon = started(start());

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).kind()).isEqualTo(DaemonState.Kind.STALE);
        assertThat(seen.get(0).detail()).contains("pid " + daemon.pid());
    }

    @Test
    void theStartsMarkerNamesThisKtxFromBeforeTheSpawnUntilTheDaemonIsRecorded() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        Path marker = runtime.layout().daemonStartingPath();
        List<Optional<DaemonFiles.StartMarker>> markersWhileComingUp = new ArrayList<>();
        host.whileComingUp(process -> markersWhileComingUp.add(runtime.daemonFiles().hasState(statePath)
                ? Optional.empty() : runtime.daemonFiles().readStartMarker(marker)));

        started(start());

        assertThat(markersWhileComingUp).containsExactly(Optional.of(
                new DaemonFiles.StartMarker(Optional.of(new DaemonFiles.Starter(FakeDaemonHost.KTX.pid(),
                        FakeDaemonHost.KTX.startedAt().orElseThrow(), FakeDaemonHost.KTX.kernelStart())))));
        assertThat(runtime.daemonFiles().isMarkedStarting(marker)).isFalse();
    }

    @Test
    void aFailedStartRemovesItsMarkerOnceItsDaemonIsEnded() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        host.spawnedDaemons(FakeDaemonHost.Behaviour.NEVER_READY);

        assertThat(start()).isInstanceOf(StartResult.Failed.class);

        assertThat(runtime.daemonFiles().isMarkedStarting(runtime.layout().daemonStartingPath())).isFalse();
        assertThat(runtime.daemonStatusService().inspect().kind()).isEqualTo(DaemonState.Kind.STOPPED);
    }

    @Test
    void aFailedStartWhoseDaemonSurvivesKillKeepsItsMarkerSoTheDaemonStaysInSight() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        host.spawnedDaemons(FakeDaemonHost.Behaviour.NEVER_READY).spawnedDaemonsAre(FakeDaemonHost.Stubbornness.IGNORES_KILL);

        assertThat(start()).isInstanceOf(StartResult.Failed.class);

        assertThat(runtime.daemonStatusService().inspect().runningPids()).containsExactly(host.spawned().get(0));
    }

    @Test
    void aDaemonLeftByAStartKilledBeforeRecordingItIsStoppedAndReplaced() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        ProcessSnapshot left = host.runDaemon(runtime.committedManifest().orElseThrow().python().daemonExecutable(),
                "lost", FeatureSet.core(), FakeDaemonHost.Stubbornness.NONE);
        runtime.daemonFiles().markStarting(runtime.layout().daemonStartingPath());

        DaemonRecord replacement = started(start());

        assertThat(host.signalsTo(left.pid())).containsExactly("SIGTERM " + left.pid());
        assertThat(host.alivePids()).containsExactly(replacement.pid());
        assertThat(runtime.daemonFiles().isMarkedStarting(runtime.layout().daemonStartingPath())).isFalse();
    }

    @Test
    void anUnrecordedDaemonThatCannotBeStoppedFailsTheStartAndNothingIsSpawned() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        ProcessSnapshot left = host.runDaemon(runtime.committedManifest().orElseThrow().python().daemonExecutable(),
                "lost", FeatureSet.core(), FakeDaemonHost.Stubbornness.IGNORES_KILL);
        runtime.daemonFiles().putInvalidState(statePath, "Unexpected end-of-input");

        StartResult result = start();

        assertThat(((StartResult.Failed) result).reason()).isEqualTo("Could not stop the KTX daemon (pid " + left.pid()
                + ") that runs from this runtime unrecorded: still running after SIGKILL");
        assertThat(host.launches()).isEmpty();
        assertThat(runtime.daemonFiles().hasState(statePath)).isTrue();
    }
}
