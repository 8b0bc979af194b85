package ai.kaelio.ktx.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.in.Confirmation;
import ai.kaelio.ktx.application.port.in.InstallConsent;
import ai.kaelio.ktx.application.port.in.InstallObserver;
import ai.kaelio.ktx.application.port.in.StartRequest;
import ai.kaelio.ktx.application.port.in.StartResult;
import ai.kaelio.ktx.application.port.in.StopRequest;
import ai.kaelio.ktx.application.port.in.StopResult;
import ai.kaelio.ktx.application.port.out.DaemonFiles;
import ai.kaelio.ktx.application.testing.FakeDaemonHost;
import ai.kaelio.ktx.application.testing.FakeDaemonHost.Stubbornness;
import ai.kaelio.ktx.application.testing.FakeRuntime;
import ai.kaelio.ktx.domain.DaemonRecord;
import ai.kaelio.ktx.domain.DaemonState;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.ProcessSnapshot;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StopDaemonServiceTest {

    private final FakeRuntime runtime = new FakeRuntime();
    private final FakeDaemonHost host = runtime.daemonHost();
    private final Path statePath = runtime.layout().daemonStatePath();

    @BeforeEach
    void installed() {
        runtime.installedRuntime("a", FeatureSet.core());
    }

    private DaemonRecord startDaemon() throws Exception {
        StartResult result = runtime.startService().start(new StartRequest(
                FeatureSet.core(), false, InstallConsent.NEVER, Confirmation.NOBODY, InstallObserver.SILENT));
        return ((StartResult.Started) result).daemon();
    }

    private StopResult stop(boolean all) throws Exception {
        return runtime.stopService().stop(new StopRequest(all, InstallObserver.SILENT));
    }

    @Test
    void theRecordedDaemonIsAskedToShutDownAndItsStateRemoved() throws Exception {
        DaemonRecord daemon = startDaemon();

        StopResult result = stop(false);

        assertThat(result.stopped()).containsExactly(new StopResult.Stopped(daemon.pid(), StopResult.How.SHUTDOWN, true));
        assertThat(result.failed()).isEmpty();
        assertThat(host.signals()).containsExactly("shutdown " + daemon.pid());
        assertThat(runtime.daemonFiles().hasState(statePath)).isFalse();
        assertThat(runtime.lock().acquisitions()).extracting(acquisition -> acquisition.purpose()).endsWith("daemon stop");
    }

    @Test
    void aDaemonIgnoringShutdownIsTerminated() throws Exception {
        host.spawnedDaemonsAre(Stubbornness.IGNORES_SHUTDOWN);
        DaemonRecord daemon = startDaemon();

        StopResult result = stop(false);

        assertThat(result.stopped()).containsExactly(new StopResult.Stopped(daemon.pid(), StopResult.How.TERMINATED, true));
        assertThat(host.signals()).containsExactly("shutdown " + daemon.pid(), "SIGTERM " + daemon.pid());
    }

    @Test
    void aDaemonIgnoringSigtermIsKilled() throws Exception {
        host.spawnedDaemonsAre(Stubbornness.IGNORES_TERM);
        DaemonRecord daemon = startDaemon();

        StopResult result = stop(false);

        assertThat(result.stopped()).containsExactly(new StopResult.Stopped(daemon.pid(), StopResult.How.KILLED, true));
        assertThat(host.isAlive(daemon.pid())).isFalse();
    }

    @Test
    void aDaemonSurvivingSigkillIsReportedAndItsStateKept() throws Exception {
        host.spawnedDaemonsAre(Stubbornness.IGNORES_KILL);
        DaemonRecord daemon = startDaemon();

        StopResult result = stop(false);

        assertThat(result.stopped()).isEmpty();
        assertThat(result.failed()).containsExactly(new StopResult.Failed(daemon.pid(), "still running after SIGKILL"));
        assertThat(runtime.daemonFiles().state(statePath)).contains(daemon);
    }

    @Test
    void withNothingRecordedTheDaemonIsAlreadyStoppedWithoutWaitingForTheLock() throws Exception {
        runtime.lock().heldElsewhere(runtime.layout().lockPath(), java.util.Optional.empty(), () -> {
            throw new AssertionError("stop waited for the lock with nothing to stop");
        });

        StopResult result = stop(false);

        assertThat(result.nothingRunning()).isTrue();
        assertThat(result.staleStateRemoved()).isFalse();
        assertThat(result.statePath()).isEqualTo(statePath);
        assertThat(runtime.lock().acquisitions()).isEmpty();
    }

    @Test
    void theStateOfADeadDaemonIsRemovedWithoutSignals() throws Exception {
        DaemonRecord daemon = startDaemon();
        host.crash(daemon.pid());

        StopResult result = stop(false);

        assertThat(result.nothingRunning()).isTrue();
        assertThat(result.staleStateRemoved()).isTrue();
        assertThat(host.signals()).isEmpty();
        assertThat(runtime.daemonFiles().hasState(statePath)).isFalse();
    }

    @Test
    void stateNamingAnUnrelatedProcessIsRemovedAndTheProcessNeverSignalled() throws Exception {
        ProcessSnapshot sleep = host.runForeign(FakeDaemonHost.USER, "sleep", "300");
        runtime.daemonFiles().putState(statePath, runtime.daemonRecord(sleep, 41999, "t"));

        StopResult result = stop(true);

        assertThat(result.staleStateRemoved()).isTrue();
        assertThat(host.signalsTo(sleep.pid())).isEmpty();
        assertThat(host.isAlive(sleep.pid())).isTrue();
    }

    @Test
    void anInvalidStateIsRemoved() throws Exception {
        runtime.daemonFiles().putInvalidState(statePath, "not valid JSON");

        StopResult result = stop(false);

        assertThat(result.nothingRunning()).isTrue();
        assertThat(result.staleState()).contains(new StopResult.StaleState(statePath, "Daemon state is invalid: not valid JSON"));
        assertThat(runtime.daemonFiles().hasState(statePath)).isFalse();
    }

    @Test
    void aDaemonOfThisRuntimeIsStoppedEvenWhenItsStateIsInvalidAndOnlyThen() throws Exception {
        DaemonRecord daemon = startDaemon();
        ProcessSnapshot anotherRuntimes = host.runDaemon("theirs", FeatureSet.core(), Stubbornness.NONE);
        runtime.daemonFiles().putInvalidState(statePath, "Unexpected end-of-input");

        StopResult result = stop(false);

        // Found in the process table, so there is no token to ask it with: SIGTERM.
        assertThat(result.stopped()).containsExactly(new StopResult.Stopped(daemon.pid(), StopResult.How.TERMINATED, false));
        assertThat(result.failed()).isEmpty();
        assertThat(result.staleState()).contains(new StopResult.StaleState(statePath, "Daemon state is invalid: Unexpected end-of-input"));
        assertThat(host.isAlive(daemon.pid())).isFalse();
        assertThat(runtime.daemonFiles().hasState(statePath)).isFalse();
        assertThat(host.signalsTo(anotherRuntimes.pid())).isEmpty();
    }

    @Test
    void anUnrecordedDaemonThatSurvivesKeepsTheDamagedStateSoItStaysInSight() throws Exception {
        host.spawnedDaemonsAre(Stubbornness.IGNORES_KILL);
        DaemonRecord daemon = startDaemon();
        runtime.daemonFiles().putInvalidState(statePath, "Unexpected end-of-input");

        StopResult result = stop(false);

        assertThat(result.failed()).containsExactly(new StopResult.Failed(daemon.pid(), "still running after SIGKILL"));
        assertThat(result.staleStateRemoved()).isFalse();
        assertThat(runtime.daemonFiles().hasState(statePath)).isTrue();
        assertThat(runtime.daemonStatusService().inspect().runningPids()).containsExactly(daemon.pid());
    }

    @Test
    void allStopsAnUnrecordedDaemonOfThisRuntimeOnce() throws Exception {
        DaemonRecord daemon = startDaemon();
        runtime.daemonFiles().putInvalidState(statePath, "Unexpected end-of-input");

        StopResult result = stop(true);

        assertThat(result.stopped()).containsExactly(new StopResult.Stopped(daemon.pid(), StopResult.How.TERMINATED, false));
        assertThat(host.signalsTo(daemon.pid())).containsExactly("SIGTERM " + daemon.pid());
    }

    @Test
    void aDaemonLeftByAStartKilledBeforeRecordingItIsStoppedAndTheMarkerRemoved() throws Exception {
        Path marker = runtime.layout().daemonStartingPath();
        ProcessSnapshot left = host.runDaemon(runtime.layout().environment("a").daemonPath(), "lost", FeatureSet.core(), Stubbornness.NONE);
        runtime.daemonFiles().markStarting(marker);

        StopResult result = stop(false);

        assertThat(result.stopped()).containsExactly(new StopResult.Stopped(left.pid(), StopResult.How.TERMINATED, false));
        assertThat(result.staleState()).contains(new StopResult.StaleState(marker, DaemonInspector.START_NOT_RECORDED));
        assertThat(host.isAlive(left.pid())).isFalse();
        assertThat(runtime.daemonFiles().isMarkedStarting(marker)).isFalse();
        assertThat(runtime.daemonStatusService().inspect().kind()).isEqualTo(DaemonState.Kind.STOPPED);
    }

    @Test
    void aStartsMarkerWithNothingRunningIsRemovedWithoutSignals() throws Exception {
        Path marker = runtime.layout().daemonStartingPath();
        runtime.daemonFiles().markStarting(marker);

        StopResult result = stop(false);

        assertThat(result.nothingRunning()).isTrue();
        assertThat(result.staleState()).contains(new StopResult.StaleState(marker, DaemonInspector.START_NOT_RECORDED));
        assertThat(host.signals()).isEmpty();
        assertThat(runtime.daemonFiles().isMarkedStarting(marker)).isFalse();
    }

    @Test
    void theMarkerOfAStartThatEndedWithNothingRunningIsRemovedQuietly() throws Exception {
        Path marker = runtime.layout().daemonStartingPath();
        ProcessSnapshot endedKtx = host.runForeign(FakeDaemonHost.USER, "/usr/bin/java", "ai.kaelio.ktx.bootstrap.Main");
        host.crash(endedKtx.pid());
        runtime.daemonFiles().markStarting(marker, DaemonFiles.StartMarker.by(endedKtx));

        StopResult result = stop(false);

        assertThat(result.nothingRunning()).isTrue();
        assertThat(result.staleState()).isEmpty();
        assertThat(host.signals()).isEmpty();
        assertThat(runtime.daemonFiles().isMarkedStarting(marker)).isFalse();
        // Under the lock a start holds for its marker's whole life, so no start of its own is cut short.
        assertThat(runtime.lock().acquisitions()).extracting(acquisition -> acquisition.purpose()).containsExactly("daemon stop");
    }

    @Test
    void stoppingARecordedDaemonAlsoRemovesAMarkerLeftBesideItsRecord() throws Exception {
        startDaemon();
        runtime.daemonFiles().markStarting(runtime.layout().daemonStartingPath());

        stop(false);

        assertThat(runtime.daemonFiles().isMarkedStarting(runtime.layout().daemonStartingPath())).isFalse();
        assertThat(runtime.daemonStatusService().inspect().kind()).isEqualTo(DaemonState.Kind.STOPPED);
    }

    @Test
    void allAlsoEndsUnrecordedDaemonsOfThisUserAndNothingElse() throws Exception {
        DaemonRecord recorded = startDaemon();
        ProcessSnapshot orphan = host.runDaemon("lost", FeatureSet.core(), Stubbornness.NONE);
        ProcessSnapshot stubborn = host.runDaemon("lost-too", FeatureSet.core(), Stubbornness.IGNORES_TERM);
        ProcessSnapshot othersDaemon = host.runForeign("bob", "/usr/bin/python3", "/home/bob/venv/bin/ktx-daemon", "serve-http");
        ProcessSnapshot editor = host.runForeign(FakeDaemonHost.USER, "vim", "ktx-daemon", "notes");

        StopResult result = stop(true);

        assertThat(result.stopped()).containsExactly(
                new StopResult.Stopped(recorded.pid(), StopResult.How.SHUTDOWN, true),
                new StopResult.Stopped(orphan.pid(), StopResult.How.TERMINATED, false),
                new StopResult.Stopped(stubborn.pid(), StopResult.How.KILLED, false));
        assertThat(host.signalsTo(othersDaemon.pid())).isEmpty();
        assertThat(host.signalsTo(editor.pid())).isEmpty();
        assertThat(host.alivePids()).containsExactlyInAnyOrder(othersDaemon.pid(), editor.pid());
    }

    @Test
    void withoutAllAnUnrecordedDaemonIsLeftAlone() throws Exception {
        ProcessSnapshot orphan = host.runDaemon("lost", FeatureSet.core(), Stubbornness.NONE);

        StopResult result = stop(false);

        assertThat(result.nothingRunning()).isTrue();
        assertThat(host.signals()).isEmpty();
        assertThat(host.alivePids()).isEqualTo(List.of(orphan.pid()));
    }
}
