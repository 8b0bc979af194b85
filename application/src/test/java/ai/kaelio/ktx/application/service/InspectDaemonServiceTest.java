package ai.kaelio.ktx.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.out.DaemonFiles;
import ai.kaelio.ktx.application.testing.FakeDaemonHost;
import ai.kaelio.ktx.application.testing.FakeRuntime;
import ai.kaelio.ktx.domain.DaemonRecord;
import ai.kaelio.ktx.domain.DaemonState;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.ProcessSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InspectDaemonServiceTest {

    private final FakeRuntime runtime = new FakeRuntime();
    private final FakeDaemonHost host = runtime.daemonHost();
    private final Path statePath = runtime.layout().daemonStatePath();

    private DaemonRecord recordedDaemon() {
        ProcessSnapshot process = host.runDaemon("token", FeatureSet.core(), FakeDaemonHost.Stubbornness.NONE);
        DaemonRecord record = runtime.daemonRecord(process, host.portOf(process.pid()), "token");
        runtime.daemonFiles().putState(statePath, record);
        return record;
    }

    @Test
    void withoutStateTheDaemonIsStoppedAndTheProcessTableIsNotRead() {
        host.runDaemon(runtime.layout().environment("a").daemonPath(), "t", FeatureSet.core(), FakeDaemonHost.Stubbornness.NONE);

        assertThat(runtime.daemonStatusService().inspect()).isEqualTo(new DaemonState.Stopped(statePath));
        // Status must stay cheap on the common path: only damaged or provisional state makes it look around.
        assertThat(host.listings()).isZero();
    }

    // A start records its daemon, then removes its marker; looking in the other order would miss it.
    @Test
    void aDaemonRecordedWhileBeingInspectedIsNotMissed() {
        ProcessSnapshot process = host.runDaemon(runtime.layout().environment("a").daemonPath(), "token", FeatureSet.core(),
                FakeDaemonHost.Stubbornness.NONE);
        DaemonRecord record = runtime.daemonRecord(process, host.portOf(process.pid()), "token");
        Path marker = runtime.layout().daemonStartingPath();
        runtime.daemonFiles().markStarting(marker);
        runtime.daemonFiles().beforeNextStateRead(() -> {
            runtime.daemonFiles().putState(statePath, record);
            runtime.daemonFiles().unmarkStarting(marker);
        });

        assertThat(runtime.daemonStatusService().inspect()).isEqualTo(new DaemonState.Running(statePath, record));
    }

    @Test
    void aLiveRecordedDaemonIsRunningAndNoRequestIsMade() {
        DaemonRecord record = recordedDaemon();
        host.hang(record.pid());

        // Status does not ask the daemon: a hung one still counts as running here (doctor asks).
        assertThat(runtime.daemonStatusService().inspect()).isEqualTo(new DaemonState.Running(statePath, record));
        assertThat(host.signals()).isEmpty();
    }

    @Test
    void aDeadDaemonIsStale() {
        DaemonRecord record = recordedDaemon();
        host.crash(record.pid());

        DaemonState state = runtime.daemonStatusService().inspect();

        assertThat(state).isEqualTo(new DaemonState.Stale(statePath, Optional.of(record),
                "The KTX daemon's process " + record.pid() + " is gone"));
    }

    @Test
    void aRecycledPidIsStaleEvenWhenTheNewProcessIsAlsoAKtxDaemon() {
        DaemonRecord record = recordedDaemon();
        host.reusePid(record.pid(), "/usr/bin/python3", "/other/bin/ktx-daemon", "serve-http");

        DaemonState state = runtime.daemonStatusService().inspect();

        assertThat(state.kind()).isEqualTo(DaemonState.Kind.STALE);
        assertThat(state.detail()).isEqualTo("Process " + record.pid() + " is no longer the KTX daemon (its pid was reused)");
    }

    @Test
    void aProcessWithTheRecordedStartButAnotherCommandIsStale() {
        ProcessSnapshot sleep = host.runForeign(FakeDaemonHost.USER, "sleep", "300");
        runtime.daemonFiles().putState(statePath, runtime.daemonRecord(sleep, 41999, "t"));

        assertThat(runtime.daemonStatusService().inspect().kind()).isEqualTo(DaemonState.Kind.STALE);
    }

    @Test
    void anUnreadableStateWithNoDaemonOfThisRuntimeRunningIsStale() {
        runtime.daemonFiles().putInvalidState(statePath, "missing field 'pid'");

        DaemonState state = runtime.daemonStatusService().inspect();

        assertThat(state).isEqualTo(new DaemonState.Unrecorded(statePath, statePath, "Daemon state is invalid: missing field 'pid'", List.of()));
        assertThat(state.kind()).isEqualTo(DaemonState.Kind.STALE);
        assertThat(state.detail()).isEqualTo("Daemon state is invalid: missing field 'pid'");
        assertThat(state.runningPids()).isEmpty();
    }

    @Test
    void anUnreadableStateNamesTheDaemonsLaunchedFromThisRuntimeAndNoOthers() {
        ProcessSnapshot ours = runDaemonFrom(runtime.layout().environment("a").daemonPath());
        runDaemonFrom(runtime.layout().versionDir("0.1.9").resolve("venv-b/bin/ktx-daemon"));
        // A sibling whose name merely starts like this version's directory.
        runDaemonFrom(Path.of(runtime.layout().versionDir() + "0/venv-c/bin/ktx-daemon"));
        host.runDaemon("elsewhere", FeatureSet.core(), FakeDaemonHost.Stubbornness.NONE);
        host.runForeign(FakeDaemonHost.USER, "vim", runtime.layout().environment("a").daemonPath().toString());
        runtime.daemonFiles().putInvalidState(statePath, "Unexpected end-of-input");

        DaemonState state = runtime.daemonStatusService().inspect();

        assertThat(state).isEqualTo(new DaemonState.Unrecorded(statePath, statePath, "Daemon state is invalid: Unexpected end-of-input", List.of(ours)));
        assertThat(state.kind()).isEqualTo(DaemonState.Kind.STALE);
        assertThat(state.detail()).isEqualTo("Daemon state is invalid: Unexpected end-of-input;"
                + " a KTX daemon of this runtime runs unrecorded (pid " + ours.pid() + ")");
        assertThat(state.runningPids()).containsExactly(ours.pid());
        assertThat(host.signals()).isEmpty();
    }

    @Test
    void aStartsMarkerWithoutARecordNamesTheDaemonThatStartLeft() {
        ProcessSnapshot left = runDaemonFrom(runtime.layout().environment("a").daemonPath());
        runtime.daemonFiles().markStarting(runtime.layout().daemonStartingPath());

        DaemonState state = runtime.daemonStatusService().inspect();

        assertThat(state).isEqualTo(new DaemonState.Unrecorded(statePath, runtime.layout().daemonStartingPath(),
                DaemonInspector.START_NOT_RECORDED, List.of(left)));
        assertThat(state.detail()).endsWith("(pid " + left.pid() + ")");
    }

    @Test
    void aMarkerOfAStartStillRunningIsAStartUnderWayEvenBeforeItsDaemonExists() {
        runtime.daemonFiles().markStarting(runtime.layout().daemonStartingPath(), markerBy(FakeDaemonHost.KTX));

        assertThat(runtime.daemonStatusService().inspect()).isEqualTo(new DaemonState.Unrecorded(statePath,
                runtime.layout().daemonStartingPath(), DaemonInspector.START_NOT_RECORDED, List.of()));
    }

    @Test
    void aStartStillRunningIsNotTakenForEndedAfterTheWallClockWasStepped() {
        runtime.daemonFiles().markStarting(runtime.layout().daemonStartingPath(), markerBy(FakeDaemonHost.KTX));
        host.wallClockStepped(Duration.ofSeconds(-1));

        assertThat(runtime.daemonStatusService().inspect().kind()).isEqualTo(DaemonState.Kind.STALE);
    }

    // A start ended by SIGTERM: its shutdown hook ended the daemon, but the marker stayed.
    @Test
    void aMarkerOfAStartThatEndedWithNoDaemonLeftMeansStopped() {
        ProcessSnapshot endedKtx = host.runForeign(FakeDaemonHost.USER, "/usr/bin/java", "ai.kaelio.ktx.bootstrap.Main");
        host.crash(endedKtx.pid());
        runtime.daemonFiles().markStarting(runtime.layout().daemonStartingPath(), markerBy(endedKtx));

        assertThat(runtime.daemonStatusService().inspect()).isEqualTo(new DaemonState.Stopped(statePath));
    }

    @Test
    void whereListingsShowNoCommandLinesAMarkerOfAnEndedStartStaysStaleForTheDaemonMayRunUnseen() {
        host.withoutCommandLines();
        ProcessSnapshot endedKtx = host.runForeign(FakeDaemonHost.USER, "/usr/bin/java", "ai.kaelio.ktx.bootstrap.Main");
        host.crash(endedKtx.pid());
        runtime.daemonFiles().markStarting(runtime.layout().daemonStartingPath(), markerBy(endedKtx));

        assertThat(runtime.daemonStatusService().inspect()).isEqualTo(new DaemonState.Unrecorded(statePath,
                runtime.layout().daemonStartingPath(), DaemonInspector.START_ENDED_UNRECORDED, List.of()));
    }

    @Test
    void aMarkerWhoseKtxPidNowBelongsToAnotherProcessIsOfAnEndedStart() {
        ProcessSnapshot endedKtx = host.runForeign(FakeDaemonHost.USER, "/usr/bin/java", "ai.kaelio.ktx.bootstrap.Main");
        host.reusePid(endedKtx.pid(), "/usr/bin/vim");
        runtime.daemonFiles().markStarting(runtime.layout().daemonStartingPath(), markerBy(endedKtx));

        assertThat(runtime.daemonStatusService().inspect()).isEqualTo(new DaemonState.Stopped(statePath));
    }

    // kill -9 of start after the spawn: nothing ended the daemon.
    @Test
    void aMarkerOfAStartThatEndedStillNamesTheDaemonItLeftRunning() {
        ProcessSnapshot endedKtx = host.runForeign(FakeDaemonHost.USER, "/usr/bin/java", "ai.kaelio.ktx.bootstrap.Main");
        host.crash(endedKtx.pid());
        ProcessSnapshot left = runDaemonFrom(runtime.layout().environment("a").daemonPath());
        runtime.daemonFiles().markStarting(runtime.layout().daemonStartingPath(), markerBy(endedKtx));

        assertThat(runtime.daemonStatusService().inspect()).isEqualTo(new DaemonState.Unrecorded(statePath,
                runtime.layout().daemonStartingPath(), DaemonInspector.START_ENDED_UNRECORDED, List.of(left)));
    }

    @Test
    void aMarkerThatNamesNoKtxIsAStartUnderWay() {
        runtime.daemonFiles().markStarting(runtime.layout().daemonStartingPath(), DaemonFiles.StartMarker.unknown());

        assertThat(runtime.daemonStatusService().inspect().kind()).isEqualTo(DaemonState.Kind.STALE);
    }

    // Another ktx reached the same root through a symbolic link, so its daemon's command line spells it so.
    @Test
    void aDaemonLaunchedThroughALinkToTheRootIsFoundOnceBothAreResolved() {
        Path link = Path.of("/home/alex/link-to-runtimes");
        runtime.daemonFiles().linkAs(link, FakeRuntime.ROOT);
        Path launcherThroughLink = link.resolve(FakeRuntime.ROOT.relativize(runtime.layout().environment("a").daemonPath()));
        ProcessSnapshot left = runDaemonFrom(launcherThroughLink);
        ProcessSnapshot elsewhere = runDaemonFrom(Path.of("/home/alex/other-root/0.1.0/venv-a/bin/ktx-daemon"));
        runtime.daemonFiles().markStarting(runtime.layout().daemonStartingPath());

        DaemonState state = runtime.daemonStatusService().inspect();

        assertThat(state.runningPids()).containsExactly(left.pid()).doesNotContain(elsewhere.pid());
    }

    @Test
    void neitherARelativeLauncherNorALauncherThatOnlyLinksIntoTheRuntimeCountsAsLaunchedFromIt() {
        Path venv = runtime.layout().environment("a").daemonPath().getParent().getParent();
        // Relative to the daemon's working directory, which this ktx does not know: resolved against its own,
        // it could land anywhere, this runtime included.
        runtime.daemonFiles().linkAs(Path.of("venv-a"), venv);
        ProcessSnapshot relative = runDaemonFrom(Path.of("venv-a/bin/ktx-daemon"));
        runtime.daemonFiles().linkAs(Path.of("/home/alex/bin/ktx-daemon"), runtime.layout().environment("a").daemonPath());
        ProcessSnapshot linkedFile = runDaemonFrom(Path.of("/home/alex/bin/ktx-daemon"));
        runtime.daemonFiles().markStarting(runtime.layout().daemonStartingPath());

        DaemonState state = runtime.daemonStatusService().inspect();

        assertThat(state.runningPids()).doesNotContain(relative.pid(), linkedFile.pid()).isEmpty();
    }

    @Test
    void aStartsMarkerBesideAValidRecordIsIgnored() {
        DaemonRecord record = recordedDaemon();
        runtime.daemonFiles().markStarting(runtime.layout().daemonStartingPath());

        assertThat(runtime.daemonStatusService().inspect()).isEqualTo(new DaemonState.Running(statePath, record));
        assertThat(host.listings()).isZero();
    }

    private static DaemonFiles.StartMarker markerBy(ProcessSnapshot ktx) {
        return DaemonFiles.StartMarker.by(ktx);
    }

    private ProcessSnapshot runDaemonFrom(Path launcher) {
        return host.runDaemon(launcher, "lost", FeatureSet.core(), FakeDaemonHost.Stubbornness.NONE);
    }
}
