package ai.kaelio.ktx.adapters.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.in.EnsureResult;
import ai.kaelio.ktx.application.port.in.InstallConsent;
import ai.kaelio.ktx.application.port.in.InstallResult;
import ai.kaelio.ktx.application.port.in.StartRequest;
import ai.kaelio.ktx.application.port.in.StartResult;
import ai.kaelio.ktx.application.port.in.StopRequest;
import ai.kaelio.ktx.application.port.in.StopResult;
import ai.kaelio.ktx.domain.DaemonEndpoint;
import ai.kaelio.ktx.domain.DaemonRecord;
import ai.kaelio.ktx.domain.DaemonState;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.ProcessSnapshot;
import ai.kaelio.ktx.domain.RuntimeStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class DaemonCommandsTest {

    private static final String TOKEN = "k5J0vQ-7c2Yw8m1ZrXl4nB9sQ3pT6uVaE0fHdGiKjLo";
    private static final Path STATE = CliHarness.LAYOUT.daemonStatePath();
    private static final DaemonRecord DAEMON = new DaemonRecord(4242, new DaemonEndpoint("127.0.0.1", 40123, TOKEN),
            "0.1.0", FeatureSet.of(Feature.LOCAL_EMBEDDINGS), Instant.parse("2026-05-01T10:00:00Z"),
            Instant.parse("2026-05-01T09:59:59.870Z"), CliHarness.LAYOUT.daemonLogPath(), CliHarness.ENVIRONMENT.daemonPath());

    @Test
    void startPrintsWhereTheDaemonListensAndNeverItsToken() {
        var result = new CliHarness().start(request -> new StartResult.Started(DAEMON, STATE)).run("runtime", "start");

        assertThat(result.code()).isZero();
        assertThat(result.out()).isEqualTo(String.join("\n",
                "Started KTX daemon",
                "url: http://127.0.0.1:40123",
                "pid: 4242",
                "version: 0.1.0",
                "features: core, local-embeddings",
                "state: /runtime/0.2.0/daemon.json",
                "log: /runtime/0.2.0/daemon/daemon.log",
                ""));
        assertThat(result.out() + result.err()).doesNotContain(TOKEN);
    }

    @Test
    void aReusedDaemonSaysSo() {
        var result = new CliHarness().start(request -> new StartResult.Reused(DAEMON, STATE)).run("runtime", "start");

        assertThat(result.out()).startsWith("Using existing KTX daemon\nurl: http://127.0.0.1:40123\n");
    }

    @Test
    void aDaemonInTheWaySaysHowToReplaceItOrStopIt() {
        var result = new CliHarness().start(request -> new StartResult.DaemonInTheWay(DAEMON,
                "it has the features core; requested: core, local-embeddings")).run("runtime", "start");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("The KTX daemon (pid 4242) runs from a runtime that must be reinstalled for this"
                + " request (it has the features core; requested: core, local-embeddings). Replace it: ktx runtime start"
                + " --force, or stop it first: ktx runtime stop\n");
    }

    @Test
    void aRuntimeChangedUnderTheStartSaysToStartAgain() {
        var result = new CliHarness().start(request -> new StartResult.RuntimeChanged(new RuntimeStatus.Missing(CliHarness.LAYOUT)))
                .run("runtime", "start");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("The KTX Python runtime changed while the daemon was starting (missing: No runtime"
                + " manifest at /runtime/0.2.0/manifest.json). Run: ktx runtime start\n");
    }

    @Test
    void startJsonCarriesTheSameDataWithoutTheToken() {
        var result = new CliHarness().start(request -> new StartResult.Started(DAEMON, STATE)).run("runtime", "start", "--json");

        var json = CliHarness.json(result.out());
        assertThat(json.at("/status").asText()).isEqualTo("started");
        assertThat(json.at("/daemon/url").asText()).isEqualTo("http://127.0.0.1:40123");
        assertThat(json.at("/daemon/pid").asLong()).isEqualTo(4242);
        assertThat(json.at("/daemon/port").asInt()).isEqualTo(40123);
        assertThat(json.at("/daemon/state").asText()).isEqualTo("/runtime/0.2.0/daemon.json");
        assertThat(json.at("/daemon").has("token")).isFalse();
        assertThat(result.out()).doesNotContain(TOKEN);
    }

    @Test
    void startPassesFeaturesForceAndConsentThrough() {
        AtomicReference<StartRequest> seen = new AtomicReference<>();
        new CliHarness().start(request -> {
            seen.set(request);
            return new StartResult.Started(DAEMON, STATE);
        }).run("runtime", "start", "--feature", "local-embeddings", "--force", "--yes");

        assertThat(seen.get().features()).isEqualTo(FeatureSet.of(Feature.LOCAL_EMBEDDINGS));
        assertThat(seen.get().force()).isTrue();
        assertThat(seen.get().consent()).isEqualTo(InstallConsent.YES);
    }

    @Test
    void noInputMeansNeverInstallAndNoFlagMeansAsk() {
        List<StartRequest> seen = new java.util.ArrayList<>();
        CliHarness cli = new CliHarness().start(request -> {
            seen.add(request);
            return new StartResult.Started(DAEMON, STATE);
        });

        cli.run("runtime", "start", "--no-input");
        cli.run("runtime", "start");

        assertThat(seen).extracting(StartRequest::consent).containsExactly(InstallConsent.NEVER, InstallConsent.ASK);
        assertThat(seen).extracting(StartRequest::force).containsExactly(false, false);
    }

    @Test
    void yesWithNoInputIsAUsageError() {
        var result = new CliHarness().run("runtime", "start", "--yes", "--no-input");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).startsWith("Choose only one runtime install mode: --yes or --no-input\n");
    }

    @Test
    void aRuntimeThatMayNotBeInstalledFailsWithTheContractSentence() {
        var result = new CliHarness().start(request -> new StartResult.RuntimeUnavailable(CliHarness.notInstalled())).run("runtime", "start", "--no-input");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("KTX Python runtime is required for this command. Run: ktx runtime install --yes\n");
    }

    @Test
    void aFailedInstallDuringStartIsReportedAsInstallReportsIt() {
        var result = new CliHarness().start(request -> new StartResult.RuntimeUnavailable(new EnsureResult.InstallFailed(
                new InstallResult.Failed(CliHarness.LAYOUT.installLogPath(), "python3 -m venv x", List.of("no space left")))))
                .run("runtime", "start", "--yes");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).startsWith("Python runtime install failed. Install log: /runtime/0.2.0/install.log\n")
                .contains("  no space left\n");
    }

    @Test
    void aDaemonThatDidNotComeUpIsReportedWithTheEndOfItsLog() {
        var result = new CliHarness().start(request -> new StartResult.Failed("The KTX daemon exited before it was ready",
                CliHarness.LAYOUT.daemonLogPath(), List.of("Cannot listen on 127.0.0.1 port 0: denied."))).run("runtime", "start");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).isEqualTo(String.join("\n",
                "The KTX daemon exited before it was ready",
                "Daemon log /runtime/0.2.0/daemon/daemon.log ends with:",
                "  Cannot listen on 127.0.0.1 port 0: denied.",
                ""));
    }

    @Test
    void stopPrintsTheStoppedPid() {
        AtomicReference<StopRequest> seen = new AtomicReference<>();
        var result = new CliHarness().stop(request -> {
            seen.set(request);
            return new StopResult(STATE, List.of(new StopResult.Stopped(4242, StopResult.How.SHUTDOWN, true)), List.of(), Optional.empty());
        }).run("runtime", "stop");

        assertThat(result.code()).isZero();
        assertThat(result.out()).isEqualTo("Stopped KTX daemon\npid: 4242\n");
        assertThat(seen.get().all()).isFalse();
    }

    @Test
    void stopWithNothingRunningSaysAlreadyStoppedAndNamesARemovedStaleStateAndWhy() {
        var result = new CliHarness().stop(request -> new StopResult(STATE, List.of(), List.of(),
                Optional.of(new StopResult.StaleState(STATE, "The KTX daemon's process 4242 is gone")))).run("runtime", "stop");

        assertThat(result.code()).isZero();
        assertThat(result.out()).isEqualTo("KTX daemon already stopped\nremoved stale state: /runtime/0.2.0/daemon.json\n"
                + "reason: The KTX daemon's process 4242 is gone\n");
    }

    @Test
    void stopThatEndedADaemonNoValidRecordNamedSaysWhichStateHidItAndWhy() {
        Path marker = CliHarness.LAYOUT.daemonStartingPath();
        var result = new CliHarness().stop(request -> new StopResult(STATE,
                List.of(new StopResult.Stopped(5151, StopResult.How.TERMINATED, false)), List.of(),
                Optional.of(new StopResult.StaleState(marker, "A ktx runtime start has not recorded the daemon it launched")))).run("runtime", "stop");

        assertThat(result.code()).isZero();
        assertThat(result.out()).isEqualTo("Stopped KTX daemon\npid: 5151\nremoved stale state: /runtime/0.2.0/daemon.starting\n"
                + "reason: A ktx runtime start has not recorded the daemon it launched\n");
    }

    @Test
    void stopAllCountsWhatItStoppedAndExitsOneIfAnyStopFailed() {
        var result = new CliHarness().stop(request -> new StopResult(STATE,
                List.of(new StopResult.Stopped(4242, StopResult.How.SHUTDOWN, true), new StopResult.Stopped(5151, StopResult.How.KILLED, false)),
                List.of(new StopResult.Failed(6262, "still running after SIGKILL")), Optional.empty())).run("runtime", "stop", "--all");

        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("Stopped KTX daemon\npid: 4242\npid: 5151\nstopped: 2\nfailed: 1\n");
        assertThat(result.err()).isEqualTo("Could not stop the KTX daemon with pid 6262: still running after SIGKILL\n");
    }

    @Test
    void stopJsonListsHowEachWent() {
        var result = new CliHarness().stop(request -> new StopResult(STATE,
                List.of(new StopResult.Stopped(4242, StopResult.How.TERMINATED, true)), List.of(), Optional.empty())).run("runtime", "stop", "--json");

        var json = CliHarness.json(result.out());
        assertThat(json.at("/status").asText()).isEqualTo("stopped");
        assertThat(json.at("/stopped/0/pid").asLong()).isEqualTo(4242);
        assertThat(json.at("/stopped/0/how").asText()).isEqualTo("terminated");
    }

    @Test
    void statusShowsARunningDaemonsUrlAndPid() {
        var result = new CliHarness().inspect(() -> new RuntimeStatus.Missing(CliHarness.LAYOUT))
                .inspectDaemon(() -> new DaemonState.Running(STATE, DAEMON)).run("runtime", "status");

        assertThat(result.out()).endsWith("daemon state: running\ndaemon url: http://127.0.0.1:40123\ndaemon pid: 4242\n");
        assertThat(result.out()).doesNotContain(TOKEN);
    }

    @Test
    void statusSaysWhyADaemonIsStale() {
        var result = new CliHarness().inspect(() -> new RuntimeStatus.Missing(CliHarness.LAYOUT))
                .inspectDaemon(() -> new DaemonState.Stale(STATE, Optional.of(DAEMON), "The KTX daemon's process 4242 is gone"))
                .run("runtime", "status");

        assertThat(result.out()).endsWith("daemon state: stale\ndaemon detail: The KTX daemon's process 4242 is gone\n"
                + "daemon url: http://127.0.0.1:40123\ndaemon pid: 4242\n");
    }

    @Test
    void statusNamesTheDaemonsThatADamagedRecordNoLongerNames() {
        var unrecorded = new DaemonState.Unrecorded(STATE, STATE, "Daemon state is invalid: Unexpected end-of-input",
                List.of(new ProcessSnapshot(5151, Optional.of(Instant.parse("2026-05-01T09:59:59Z")),
                        List.of("/runtime/0.2.0/venv-a/bin/ktx-daemon", "serve-http"), Optional.of("alex"))));
        var harness = new CliHarness().inspect(() -> new RuntimeStatus.Missing(CliHarness.LAYOUT)).inspectDaemon(() -> unrecorded);

        assertThat(harness.run("runtime", "status").out()).endsWith("daemon state: stale\n"
                + "daemon detail: Daemon state is invalid: Unexpected end-of-input; a KTX daemon of this runtime runs unrecorded (pid 5151)\n"
                + "daemon pid: 5151\n");
        var json = CliHarness.json(harness.run("runtime", "status", "--json").out());
        assertThat(json.at("/daemon/state").asText()).isEqualTo("stale");
        assertThat(json.at("/daemon/pids").toString()).isEqualTo("[5151]");
    }

    @Test
    void statusJsonHasTheDaemonsStateWithoutTheToken() {
        var result = new CliHarness().inspect(() -> new RuntimeStatus.Missing(CliHarness.LAYOUT))
                .inspectDaemon(() -> new DaemonState.Running(STATE, DAEMON)).run("runtime", "status", "--json");

        var json = CliHarness.json(result.out());
        assertThat(json.at("/daemon/state").asText()).isEqualTo("running");
        assertThat(json.at("/daemon/url").asText()).isEqualTo("http://127.0.0.1:40123");
        assertThat(json.at("/daemon/pid").asLong()).isEqualTo(4242);
        assertThat(result.out()).doesNotContain(TOKEN);
    }

    @Test
    void helpListsStartAndStop() {
        var result = new CliHarness().run("runtime", "--help");

        assertThat(result.out()).contains("  start ").contains("  stop ");
    }
}
