package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.domain.RuntimeStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kaelio.ktx.application.port.in.Confirmation;
import ai.kaelio.ktx.application.port.in.EnsureResult;
import ai.kaelio.ktx.application.port.in.InstallConsent;
import ai.kaelio.ktx.application.port.in.InstallObserver;
import ai.kaelio.ktx.application.port.in.StartRequest;
import ai.kaelio.ktx.application.port.in.StartResult;
import ai.kaelio.ktx.application.port.out.DaemonProcesses;
import ai.kaelio.ktx.application.testing.FakeDaemonHost;
import ai.kaelio.ktx.application.testing.FakeRuntime;
import ai.kaelio.ktx.domain.DaemonRecord;
import ai.kaelio.ktx.domain.DaemonState;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.ProcessSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StartDaemonServiceTest {

    private static final FeatureSet EMBEDDINGS = FeatureSet.of(Feature.LOCAL_EMBEDDINGS);

    private final FakeRuntime runtime = new FakeRuntime();
    private final FakeDaemonHost host = runtime.daemonHost();
    private final Path statePath = runtime.layout().daemonStatePath();

    private StartResult start(FeatureSet features, boolean force, InstallConsent consent) throws Exception {
        return runtime.startService().start(
                new StartRequest(features, force, consent, Confirmation.NOBODY, InstallObserver.SILENT));
    }

    private StartResult start() throws Exception {
        return start(FeatureSet.core(), false, InstallConsent.NEVER);
    }

    private DaemonRecord started(StartResult result) {
        assertThat(result).isInstanceOf(StartResult.Started.class);
        return ((StartResult.Started) result).daemon();
    }

    @Test
    void startsTheDaemonOnLoopbackWithAFreshTokenOutsideItsCommandLineAndRecordsIt() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());

        DaemonRecord daemon = started(start());

        DaemonProcesses.Launch launch = host.launches().get(0);
        assertThat(launch.daemon()).isEqualTo(runtime.committedManifest().orElseThrow().python().daemonExecutable());
        assertThat(launch.arguments()).containsSequence("--host", "127.0.0.1").containsSequence("--port", "0")
                .contains("serve-http", "--ready-file", runtime.layout().daemonReadyPath().toString(),
                        "--log-file", runtime.layout().daemonLogPath().toString())
                .doesNotContain(launch.token());
        assertThat(launch.token()).matches("[A-Za-z0-9_-]{43}");
        assertThat(daemon.endpoint().token()).isEqualTo(launch.token());
        assertThat(daemon.url()).isEqualTo("http://127.0.0.1:" + host.portOf(daemon.pid()));
        assertThat(daemon.processStart()).isEqualTo(host.find(daemon.pid()).orElseThrow().startedAt().orElseThrow());
        assertThat(daemon.processKernelStart()).isEqualTo(host.find(daemon.pid()).orElseThrow().kernelStart()).isPresent();
        assertThat(daemon.features()).isEqualTo(FeatureSet.of(Feature.LOCAL_EMBEDDINGS));
        assertThat(daemon.startedAt()).isEqualTo(FakeRuntime.NOW);
        assertThat(runtime.daemonFiles().state(statePath)).contains(daemon);
        assertThat(host.released()).containsExactly(daemon.pid());
        assertThat(daemon.toString()).doesNotContain(launch.token());
    }

    // The start instants seen now differ from the recorded one by the step; the kernel's start does not.
    @Test
    void aDaemonRecordedBeforeTheWallClockWasSteppedIsStillReusedNotJoinedByASecond() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        DaemonRecord first = started(start());
        host.wallClockStepped(Duration.ofSeconds(37));

        assertThat(runtime.daemonStatusService().inspect()).isEqualTo(new DaemonState.Running(statePath, first));
        assertThat(start()).isEqualTo(new StartResult.Reused(first, statePath));
        assertThat(host.launches()).hasSize(1);
        assertThat(host.alivePids()).containsExactly(first.pid());
    }

    @Test
    void aHealthyDaemonIsReusedAndNothingIsSpawned() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        DaemonRecord first = started(start());

        StartResult again = start();

        assertThat(again).isEqualTo(new StartResult.Reused(first, statePath));
        assertThat(host.launches()).hasSize(1);
        assertThat(host.signals()).isEmpty();
    }

    @Test
    void everyStartedDaemonGetsItsOwnToken() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        DaemonRecord first = started(start());

        DaemonRecord second = started(start(FeatureSet.core(), true, InstallConsent.NEVER));

        assertThat(second.endpoint().token()).isNotEqualTo(first.endpoint().token());
    }

    @Test
    void forceReplacesAHealthyDaemonAfterAskingItToShutDown() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        DaemonRecord first = started(start());

        DaemonRecord second = started(start(FeatureSet.core(), true, InstallConsent.NEVER));

        assertThat(second.pid()).isNotEqualTo(first.pid());
        assertThat(host.signals()).containsExactly("shutdown " + first.pid());
        assertThat(runtime.daemonFiles().state(statePath)).contains(second);
    }

    @Test
    void aDeadDaemonIsStaleAndReplacedWithoutSignallingAnything() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        DaemonRecord dead = started(start());
        host.crash(dead.pid());

        DaemonRecord replacement = started(start());

        assertThat(replacement.pid()).isNotEqualTo(dead.pid());
        assertThat(host.signals()).isEmpty();
    }

    @Test
    void aRecycledPidIsNeverSignalledAndItsProcessSurvives() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        DaemonRecord old = started(start());
        host.reusePid(old.pid(), "/usr/bin/python3", "/elsewhere/bin/ktx-daemon", "serve-http");

        started(start());

        assertThat(host.signalsTo(old.pid())).isEmpty();
        assertThat(host.isAlive(old.pid())).isTrue();
    }

    @Test
    void stateNamingAnUnrelatedProcessNeverGetsItSignalled() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        ProcessSnapshot sleep = host.runForeign(FakeDaemonHost.USER, "sleep", "300");
        // Even its true start instant does not make it ours: its command line is not ktx-daemon's.
        runtime.daemonFiles().putState(statePath, runtime.daemonRecord(sleep, 41999, "t"));

        DaemonRecord daemon = started(start());

        assertThat(host.signalsTo(sleep.pid())).isEmpty();
        assertThat(host.isAlive(sleep.pid())).isTrue();
        assertThat(runtime.daemonFiles().state(statePath)).contains(daemon);
    }

    @Test
    void aHungDaemonIsVerifiedThenTerminatedAndReplaced() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        DaemonRecord hung = started(start());
        host.hang(hung.pid());

        DaemonRecord replacement = started(start());

        assertThat(host.signalsTo(hung.pid())).containsExactly("SIGTERM " + hung.pid());
        assertThat(host.isAlive(hung.pid())).isFalse();
        assertThat(replacement.pid()).isNotEqualTo(hung.pid());
    }

    @Test
    void aDaemonThatCannotServeTheRequestIsLeftAloneUnlessForced() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        host.spawnedDaemons(FakeDaemonHost.Behaviour.WITHOUT_NUMPY);
        DaemonRecord core = started(start());

        StartResult refused = start(EMBEDDINGS, false, InstallConsent.YES);

        assertThat(refused).isEqualTo(new StartResult.DaemonInTheWay(core, "it has the features core; requested: core, local-embeddings"));
        assertThat(host.signals()).isEmpty();
        assertThat(runtime.provisioner().requests()).isEmpty();

        host.spawnedDaemons(FakeDaemonHost.Behaviour.HEALTHY);
        DaemonRecord replaced = started(start(EMBEDDINGS, true, InstallConsent.YES));

        assertThat(host.isAlive(core.pid())).isFalse();
        assertThat(replaced.features().covers(EMBEDDINGS)).isTrue();
        assertThat(runtime.committedManifest().orElseThrow().features()).isEqualTo(EMBEDDINGS);
    }

    @Test
    void aMissingRuntimeWithoutConsentStartsNothing() throws Exception {
        StartResult result = start();

        assertThat(result).isEqualTo(new StartResult.RuntimeUnavailable(new EnsureResult.NotAllowed(new RuntimeStatus.Missing(runtime.layout()), FeatureSet.core())));
        assertThat(host.launches()).isEmpty();
    }

    @Test
    void aMissingRuntimeIsInstalledWithConsentAndTheDaemonRunsFromIt() throws Exception {
        DaemonRecord daemon = started(start(FeatureSet.core(), false, InstallConsent.YES));

        assertThat(daemon.executable()).isEqualTo(runtime.committedManifest().orElseThrow().python().daemonExecutable());
        assertThat(runtime.lock().acquisitions()).extracting(acquisition -> acquisition.purpose())
                .containsExactly("daemon start", "install", "daemon start");
    }

    @Test
    void aDaemonThatExitsAtOnceFailsWithTheEndOfItsLog() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        host.spawnedDaemons(FakeDaemonHost.Behaviour.EXITS_AT_ONCE);

        StartResult result = start();

        assertThat(result).isInstanceOf(StartResult.Failed.class);
        StartResult.Failed failed = (StartResult.Failed) result;
        assertThat(failed.reason()).isEqualTo("The KTX daemon exited before it was ready");
        assertThat(failed.log()).isEqualTo(runtime.layout().daemonLogPath());
        assertThat(failed.logTail()).contains("Traceback: boom");
        assertThat(runtime.daemonFiles().hasState(statePath)).isFalse();
    }

    @Test
    void aDaemonThatNeverGetsReadyIsEndedAfterTheTimeoutAndNotRecorded() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        host.spawnedDaemons(FakeDaemonHost.Behaviour.NEVER_READY);

        StartResult result = start();

        assertThat(((StartResult.Failed) result).reason()).startsWith("The KTX daemon did not say it was ready within");
        long pid = host.spawned().get(0);
        assertThat(host.isAlive(pid)).isFalse();
        assertThat(host.signals()).containsExactly("SIGTERM " + pid);
        assertThat(host.released()).isEmpty();
        assertThat(runtime.daemonFiles().hasState(statePath)).isFalse();
    }

    @Test
    void aDaemonThatListensButNeverAnswersIsEndedAfterTheTimeout() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        host.spawnedDaemons(FakeDaemonHost.Behaviour.NEVER_ANSWERS);

        StartResult result = start();

        assertThat(((StartResult.Failed) result).reason())
                .startsWith("The KTX daemon did not answer its health check (Connection refused) within");
        assertThat(host.alivePids()).isEmpty();
    }

    @Test
    void aDaemonMissingARequestedFeatureIsEndedAndTheFailureSaysWhich() throws Exception {
        runtime.installedRuntime("a", EMBEDDINGS);
        host.spawnedDaemons(FakeDaemonHost.Behaviour.WITHOUT_NUMPY);

        StartResult result = start(EMBEDDINGS, false, InstallConsent.NEVER);

        assertThat(((StartResult.Failed) result).reason()).startsWith("The KTX daemon offers the features core; requested: core, local-embeddings. ");
        assertThat(host.alivePids()).isEmpty();
    }

    @Test
    void aDaemonOfAnotherVersionThanTheRuntimeIsNotAccepted() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        host.daemonVersion("9.9.9");

        StartResult result = start();

        assertThat(((StartResult.Failed) result).reason()).isEqualTo("The KTX daemon reports version 9.9.9, the runtime holds 0.1.0");
        assertThat(host.alivePids()).isEmpty();
    }

    @Test
    void whenTheStateCannotBeWrittenTheNewDaemonDoesNotOutliveTheFailure() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        runtime.daemonFiles().failWritesWith(new IOException("disk full"));

        assertThatThrownBy(this::start).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(host.alivePids()).isEmpty();
        assertThat(host.released()).isEmpty();
    }

    @Test
    void aDaemonStartedByAConcurrentStartIsReusedRatherThanStartingASecond() throws Exception {
        runtime.installedRuntime("a", FeatureSet.core());
        int[] acquisitions = {0};
        DaemonRecord[] theirs = new DaemonRecord[1];
        runtime.lock().whenAcquired(path -> {
            if (++acquisitions[0] == 2) {
                // Between our two turns with the lock, another ktx started a daemon and recorded it.
                ProcessSnapshot process = host.runDaemon("their-token", FeatureSet.core(), FakeDaemonHost.Stubbornness.NONE);
                theirs[0] = runtime.daemonRecord(process, host.portOf(process.pid()), "their-token");
                runtime.daemonFiles().putState(statePath, theirs[0]);
            }
        });

        StartResult result = start();

        assertThat(result).isEqualTo(new StartResult.Reused(theirs[0], statePath));
        assertThat(host.launches()).isEmpty();
    }
}
