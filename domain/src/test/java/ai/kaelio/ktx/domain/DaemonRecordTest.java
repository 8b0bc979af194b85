package ai.kaelio.ktx.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DaemonRecordTest {

    private static final String TOKEN = "k5J0vQ-7c2Yw8m1ZrXl4nB9sQ3pT6uVaE0fHdGiKjLo";
    private static final Instant PROCESS_START = Instant.parse("2026-05-01T09:59:59.870Z");
    private static final String BOOT_ID = "6a1c9e0e-1f1b-4a51-9d4e-0c8f2b7d9a11";
    private static final Optional<String> KERNEL = Optional.of(BOOT_ID + ":183345");
    private static final List<String> DAEMON_COMMAND =
            List.of("/usr/bin/python3.11", "/rt/0.1.0/venv-a/bin/ktx-daemon", "serve-http", "--ready-file", "/rt/r.json");

    private static DaemonRecord record() {
        return new DaemonRecord(4242, new DaemonEndpoint("127.0.0.1", 40123, TOKEN), "0.1.0", FeatureSet.core(),
                Instant.parse("2026-05-01T10:00:00Z"), PROCESS_START, Path.of("/rt/0.1.0/daemon/daemon.log"),
                Path.of("/rt/0.1.0/venv-a/bin/ktx-daemon"));
    }

    private static ProcessSnapshot process(long pid, Instant start, List<String> command) {
        return new ProcessSnapshot(pid, Optional.ofNullable(start), command, Optional.of("alex"));
    }

    @Test
    void identifiesOnlyTheSameProcessRunningKtxDaemon() {
        assertThat(record().identifies(process(4242, PROCESS_START, DAEMON_COMMAND))).isTrue();
        assertThat(record().identifies(process(4242, PROCESS_START.plusMillis(10), DAEMON_COMMAND))).as("pid reused").isFalse();
        assertThat(record().identifies(process(4242, PROCESS_START, List.of("sleep", "300")))).as("not a daemon").isFalse();
        assertThat(record().identifies(process(4242, null, DAEMON_COMMAND))).as("start unknown").isFalse();
        assertThat(record().identifies(process(4243, PROCESS_START, DAEMON_COMMAND))).isFalse();
    }

    // NTP or a resumed virtual machine stepped the wall clock between the start that recorded the daemon and
    // this look at it: the instants differ by the step, the kernel's count of ticks since boot does not.
    @Test
    void theSameKernelStartIdentifiesTheProcessAfterTheWallClockMoved() {
        DaemonRecord recorded = withKernelStart(record(), KERNEL);
        ProcessSnapshot afterAClockStep = snapshot(PROCESS_START.plusSeconds(37), KERNEL);

        assertThat(recorded.identifies(afterAClockStep)).isTrue();
        assertThat(afterAClockStep.startedOtherwiseThan(PROCESS_START, KERNEL)).isFalse();
        // One side without the kernel's count: the instants decide, as before.
        assertThat(record().identifies(afterAClockStep)).isFalse();
        assertThat(recorded.identifies(process(4242, PROCESS_START, DAEMON_COMMAND))).isTrue();
        assertThat(process(4242, null, DAEMON_COMMAND).startedOtherwiseThan(PROCESS_START, KERNEL)).as("cannot tell").isFalse();
    }

    // A reader in another time namespace sees the kernel's count shifted by its boot-time offset, and the
    // same instants (the JDK shifts its boot time the other way).
    @Test
    void theSameInstantIdentifiesTheProcessWhereTheKernelsCountIsSeenShifted() {
        ProcessSnapshot fromAnotherTimeNamespace = snapshot(PROCESS_START, Optional.of(BOOT_ID + ":283345"));

        assertThat(withKernelStart(record(), KERNEL).identifies(fromAnotherTimeNamespace)).isTrue();
    }

    @Test
    void aProcessIsAnotherOnlyWhenEveryStartBothSidesHaveDiffers() {
        ProcessSnapshot reusedPid = snapshot(PROCESS_START.plusMillis(10), Optional.of(BOOT_ID + ":183346"));
        ProcessSnapshot withoutInstant = new ProcessSnapshot(4242, Optional.empty(), DAEMON_COMMAND, Optional.of("alex"),
                Optional.of(BOOT_ID + ":183346"));

        assertThat(withKernelStart(record(), KERNEL).identifies(reusedPid)).isFalse();
        assertThat(reusedPid.startedOtherwiseThan(PROCESS_START, KERNEL)).isTrue();
        assertThat(withoutInstant.startedOtherwiseThan(PROCESS_START, KERNEL)).isTrue();
        assertThat(snapshot(PROCESS_START.plusSeconds(37), KERNEL).isSameProcessAs(reusedPid)).isFalse();
    }

    private static ProcessSnapshot snapshot(Instant start, Optional<String> kernel) {
        return new ProcessSnapshot(4242, Optional.of(start), DAEMON_COMMAND, Optional.of("alex"), kernel);
    }

    private static DaemonRecord withKernelStart(DaemonRecord record, Optional<String> kernel) {
        return new DaemonRecord(record.pid(), record.endpoint(), record.version(), record.features(), record.startedAt(),
                record.processStart(), record.log(), record.executable(), kernel);
    }

    @Test
    void recognisesTheDaemonsCommandLineAndNothingMerelyMentioningIt() {
        assertThat(process(1, PROCESS_START, DAEMON_COMMAND).isKtxDaemon()).isTrue();
        assertThat(process(1, PROCESS_START, List.of("ktx-daemon", "serve-http")).isKtxDaemon()).isTrue();
        assertThat(process(1, PROCESS_START, List.of("C:\\rt\\venv\\Scripts\\ktx-daemon.exe", "serve-http")).isKtxDaemon()).isTrue();
        assertThat(process(1, PROCESS_START, List.of("/rt/venv-a/bin/ktx-daemon", "--version")).isKtxDaemon()).isFalse();
        assertThat(process(1, PROCESS_START, List.of("grep", "ktx-daemon serve-http")).isKtxDaemon()).isFalse();
        assertThat(process(1, PROCESS_START, List.of("vim", "my-ktx-daemon", "serve-http")).isKtxDaemon()).isFalse();
        assertThat(process(1, PROCESS_START, List.of()).isKtxDaemon()).isFalse();
    }

    @Test
    void tellsADaemonLaunchedFromAVersionDirectoryFromOthers() {
        Path versionDir = Path.of("/rt/0.1.0");
        // Before the launcher becomes the daemon, the runtime's Python runs it: matched as well.
        List<String> detaching = List.of("/rt/0.1.0/venv-a/bin/python", "-c", "import os, sys", "/rt/0.1.0/venv-a/bin/ktx-daemon", "serve-http");

        assertThat(process(1, PROCESS_START, DAEMON_COMMAND).isKtxDaemonLaunchedFrom(versionDir)).isTrue();
        assertThat(process(1, PROCESS_START, detaching).isKtxDaemonLaunchedFrom(versionDir)).isTrue();
        assertThat(process(1, PROCESS_START, List.of("/rt/0.1.1/venv-a/bin/ktx-daemon", "serve-http"))
                .isKtxDaemonLaunchedFrom(versionDir)).as("another version").isFalse();
        assertThat(process(1, PROCESS_START, List.of("/rt/0.1.00/venv-a/bin/ktx-daemon", "serve-http"))
                .isKtxDaemonLaunchedFrom(versionDir)).as("a name that only starts the same").isFalse();
        assertThat(process(1, PROCESS_START, List.of("/rt/0.1.0/venv-a/bin/ktx-daemon", "--version"))
                .isKtxDaemonLaunchedFrom(versionDir)).as("not serving").isFalse();
        assertThat(process(1, PROCESS_START, List.of("vim", "/rt/0.1.0/venv-a/bin/ktx-daemon"))
                .isKtxDaemonLaunchedFrom(versionDir)).isFalse();
    }

    @Test
    void theTokenNeverShowsInText() {
        assertThat(record().toString()).doesNotContain(TOKEN).contains("token=<redacted>").contains("pid=4242");
        assertThat(record().endpoint().toString()).doesNotContain(TOKEN);
    }

    @Test
    void theUrlBracketsAnIpv6Host() {
        assertThat(record().url()).isEqualTo("http://127.0.0.1:40123");
        assertThat(new DaemonEndpoint("::1", 8080, TOKEN).url()).isEqualTo("http://[::1]:8080");
    }

    @Test
    void anEndpointNeedsAPortAndAToken() {
        assertThatThrownBy(() -> new DaemonEndpoint("127.0.0.1", 0, TOKEN)).hasMessageContaining("port");
        assertThatThrownBy(() -> new DaemonEndpoint("127.0.0.1", 80, " ")).hasMessageContaining("token");
    }

    @Test
    void theDaemonsFilesLiveInTheVersionDirectory() {
        RuntimeLayout layout = RuntimeLayout.of(new CliVersion("0.2.0"), Platform.LINUX, Path.of("/rt"), Path.of("/assets"));

        assertThat(layout.daemonLogPath()).isEqualTo(Path.of("/rt/0.2.0/daemon/daemon.log"));
        assertThat(layout.daemonReadyPath()).isEqualTo(Path.of("/rt/0.2.0/daemon/ready.json"));
        assertThat(layout.daemonStatePath("0.1.0")).isEqualTo(Path.of("/rt/0.1.0/daemon.json"));
    }
}
