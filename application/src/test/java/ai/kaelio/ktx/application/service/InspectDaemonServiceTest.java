package ai.kaelio.ktx.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.testing.FakeDaemonHost;
import ai.kaelio.ktx.application.testing.FakeRuntime;
import ai.kaelio.ktx.domain.DaemonRecord;
import ai.kaelio.ktx.domain.DaemonState;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.ProcessSnapshot;
import java.nio.file.Path;
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
    void withoutStateTheDaemonIsStopped() {
        assertThat(runtime.daemonStatusService().inspect()).isEqualTo(new DaemonState.Stopped(statePath));
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
    void anUnreadableStateIsStale() {
        runtime.daemonFiles().putInvalidState(statePath, "missing field 'pid'");

        DaemonState state = runtime.daemonStatusService().inspect();

        assertThat(state).isEqualTo(new DaemonState.Stale(statePath, Optional.empty(), "Daemon state is invalid: missing field 'pid'"));
    }
}
