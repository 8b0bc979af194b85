package ai.kaelio.ktx.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.testing.FakeDaemonHost;
import ai.kaelio.ktx.application.testing.FakeRuntime;
import ai.kaelio.ktx.domain.DaemonRecord;
import ai.kaelio.ktx.domain.DoctorCheck;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.ProcessSnapshot;
import org.junit.jupiter.api.Test;

class DoctorDaemonCheckTest {

    private final FakeRuntime runtime = new FakeRuntime();
    private final FakeDaemonHost host = runtime.daemonHost();

    private DoctorCheck daemonCheck() throws InterruptedException {
        return runtime.doctorService().diagnose().check("daemon").orElseThrow();
    }

    private DaemonRecord recordedDaemon(String token) {
        ProcessSnapshot process = host.runDaemon("token", FeatureSet.core(), FakeDaemonHost.Stubbornness.NONE);
        DaemonRecord record = runtime.daemonRecord(process, host.portOf(process.pid()), token);
        runtime.daemonFiles().putState(runtime.layout().daemonStatePath(), record);
        return record;
    }

    @Test
    void noDaemonPassesAndSaysHowToStartOne() throws Exception {
        assertThat(daemonCheck()).isEqualTo(DoctorCheck.pass("daemon", "KTX daemon", "Not running", DoctorCheck.Fix.Command.START_DAEMON));
    }

    @Test
    void aHealthyDaemonPassesWithWhereItListens() throws Exception {
        DaemonRecord daemon = recordedDaemon("token");

        DoctorCheck check = daemonCheck();

        assertThat(check.status()).isEqualTo(DoctorCheck.Status.PASS);
        assertThat(check.detail()).isEqualTo("Running at " + daemon.url() + " (pid " + daemon.pid()
                + "), healthy, version 0.1.0, features core");
    }

    @Test
    void aDeadDaemonWarnsAsStale() throws Exception {
        DaemonRecord daemon = recordedDaemon("token");
        host.crash(daemon.pid());

        DoctorCheck check = daemonCheck();

        assertThat(check.status()).isEqualTo(DoctorCheck.Status.WARN);
        assertThat(check.detail()).isEqualTo("The KTX daemon's process " + daemon.pid() + " is gone");
        assertThat(check.fix()).contains(DoctorCheck.Fix.Command.REPLACE_OR_STOP_DAEMON);
    }

    @Test
    void aLiveDaemonThatDoesNotAnswerWarnsAsStale() throws Exception {
        DaemonRecord daemon = recordedDaemon("token");
        host.hang(daemon.pid());

        DoctorCheck check = daemonCheck();

        assertThat(check.status()).isEqualTo(DoctorCheck.Status.WARN);
        assertThat(check.detail()).startsWith("Process " + daemon.pid() + " runs but does not answer at " + daemon.url());
        assertThat(check.fix()).contains(DoctorCheck.Fix.Command.REPLACE_OR_STOP_DAEMON);
        assertThat(host.signals()).isEmpty();
    }

    @Test
    void aDaemonRefusingItsRecordedTokenWarnsAsStale() throws Exception {
        DaemonRecord daemon = recordedDaemon("another-token");

        DoctorCheck check = daemonCheck();

        assertThat(check.status()).isEqualTo(DoctorCheck.Status.WARN);
        assertThat(check.detail()).contains("refuses its recorded token");
    }

    @Test
    void aDamagedRecordWarnsAsStaleAndNamesTheDaemonStillRunning() throws Exception {
        ProcessSnapshot daemon = host.runDaemon(runtime.layout().environment("a").daemonPath(), "t", FeatureSet.core(),
                FakeDaemonHost.Stubbornness.NONE);
        runtime.daemonFiles().putInvalidState(runtime.layout().daemonStatePath(), "Unexpected end-of-input");

        DoctorCheck check = daemonCheck();

        assertThat(check.status()).isEqualTo(DoctorCheck.Status.WARN);
        assertThat(check.detail()).startsWith("Daemon state is invalid: Unexpected end-of-input;")
                .endsWith("(pid " + daemon.pid() + ")");
        assertThat(check.fix()).contains(DoctorCheck.Fix.Command.REPLACE_OR_STOP_DAEMON);
        assertThat(host.signals()).isEmpty();
    }
}
