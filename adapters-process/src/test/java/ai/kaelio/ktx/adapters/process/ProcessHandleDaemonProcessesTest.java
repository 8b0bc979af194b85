package ai.kaelio.ktx.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.port.out.DaemonProcesses;
import ai.kaelio.ktx.application.testing.ProcessWaits;
import ai.kaelio.ktx.domain.ProcessSnapshot;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes: sleeps, a stand-in daemon script, and a zombie. Every one started here is ended after each test. */
class ProcessHandleDaemonProcessesTest {

    private static final String TOKEN = "k5J0vQ-7c2Yw8m1ZrXl4nB9sQ3pT6uVaE0fHdGiKjLo";

    @TempDir
    Path dir;

    private final ProcessHandleDaemonProcesses processes = new ProcessHandleDaemonProcesses(ProcessFixtures.host());
    private final List<Long> started = new ArrayList<>();

    @AfterEach
    void endEverythingStarted() throws InterruptedException {
        for (long pid : started) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        for (long pid : started) {
            ProcessWaits.awaitEnded(pid, Duration.ofSeconds(5));
        }
    }

    private Process run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        started.add(process.pid());
        return process;
    }

    private ProcessSnapshot snapshotOf(long pid) {
        return processes.find(pid).orElseThrow(() -> new AssertionError("process " + pid + " not found"));
    }

    @Test
    void findDescribesALiveProcessByStartInstantCommandAndUser() throws Exception {
        Process sleep = run("sleep", "30");

        ProcessSnapshot snapshot = snapshotOf(sleep.pid());

        assertThat(snapshot.startedAt()).isEqualTo(sleep.toHandle().info().startInstant()).isPresent();
        assertThat(snapshot.command()).last().isEqualTo("30");
        assertThat(snapshot.command().get(0)).endsWith("sleep");
        assertThat(snapshot.user()).isEqualTo(ProcessHandle.current().info().user());
        assertThat(snapshot.isKtxDaemon()).isFalse();
    }

    // The JDK's start instant moves with the wall clock between JVMs (it adds a boot time each JVM reads once);
    // the kernel's count of ticks since boot, read here by another program, does not.
    @Test
    void aSnapshotCarriesTheKernelsStartAsAnyReaderOfProcSeesIt() throws Exception {
        Process sleep = run("sleep", "30");
        String bootId = Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
        Process awk = new ProcessBuilder("awk", "{print $22}", "/proc/" + sleep.pid() + "/stat").start();
        String ticks = new String(awk.getInputStream().readAllBytes()).strip();
        assertThat(awk.waitFor()).isZero();

        assertThat(snapshotOf(sleep.pid()).kernelStart()).contains(bootId + ":" + ticks);
        assertThat(processes.current().kernelStart()).get().asString().startsWith(bootId + ":");
    }

    // The kernel cuts a process's name at 15 bytes: here inside a two-byte character, which UTF-8 refuses.
    @Test
    void theKernelsStartIsReadWhateverTheProcessIsCalled() throws Exception {
        Path named = Files.copy(Path.of("/bin/sleep"), dir.resolve("\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9 ) x"));
        assertThat(named.toFile().setExecutable(true)).isTrue();
        Process sleep = run(named.toString(), "30");

        assertThat(snapshotOf(sleep.pid()).kernelStart()).get().asString().matches("[0-9a-f-]{36}:[0-9]+");
    }

    @Test
    void aSnapshotFromAnotherJvmWithTheSameKernelStartIsSignalledDespiteAnotherInstant() throws Exception {
        Process sleep = run("sleep", "30");
        ProcessSnapshot seen = snapshotOf(sleep.pid());
        ProcessSnapshot seenByAJvmBeforeAClockStep = new ProcessSnapshot(seen.pid(),
                seen.startedAt().map(instant -> instant.minusSeconds(37)), seen.command(), seen.user(), seen.kernelStart());

        assertThat(processes.terminate(seenByAJvmBeforeAClockStep)).isTrue();
        assertThat(processes.awaitExit(seen, Duration.ofSeconds(10))).isTrue();
    }

    // A start's marker names ktx by current(); another ktx judges it by find().
    @Test
    void currentIsThisProcessAsFindShowsIt() {
        ProcessSnapshot self = processes.current();

        assertThat(self.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(self.startedAt()).isPresent();
        assertThat(processes.find(self.pid())).contains(self);
        assertThat(processes.listOwn()).extracting(ProcessSnapshot::pid).doesNotContain(self.pid());
    }

    @Test
    void anExitedProcessIsNotFound() throws Exception {
        Process sleep = run("sleep", "30");
        sleep.destroyForcibly().waitFor();

        assertThat(processes.find(sleep.pid())).isEmpty();
    }

    @Test
    void aSnapshotWithAnotherStartInstantIsNeverSignalled() throws Exception {
        Process sleep = run("sleep", "30");
        ProcessSnapshot real = snapshotOf(sleep.pid());
        ProcessSnapshot recycled = new ProcessSnapshot(real.pid(), real.startedAt().map(start -> start.minusSeconds(60)),
                real.command(), real.user());
        ProcessSnapshot unknownStart = new ProcessSnapshot(real.pid(), Optional.empty(), real.command(), real.user());

        assertThat(processes.terminate(recycled)).isFalse();
        assertThat(processes.kill(recycled)).isFalse();
        assertThat(processes.kill(unknownStart)).isFalse();
        assertThat(processes.awaitExit(recycled, Duration.ZERO)).as("another start means that process is gone").isTrue();
        assertThat(sleep.waitFor(300, java.util.concurrent.TimeUnit.MILLISECONDS)).isFalse();
        assertThat(sleep.isAlive()).isTrue();
    }

    @Test
    void terminateEndsAProcessAndAwaitExitSeesIt() throws Exception {
        Process sleep = run("sleep", "30");
        ProcessSnapshot snapshot = snapshotOf(sleep.pid());

        assertThat(processes.terminate(snapshot)).isTrue();

        assertThat(processes.awaitExit(snapshot, Duration.ofSeconds(5))).isTrue();
        assertThat(processes.find(sleep.pid())).isEmpty();
    }

    @Test
    void aProcessIgnoringSigtermOutlastsTheWaitAndKillEndsIt() throws Exception {
        Process stubborn = run("sh", "-c", "trap '' TERM; echo ready; while :; do sleep 1; done");
        assertThat(new BufferedReader(new InputStreamReader(stubborn.getInputStream())).readLine()).isEqualTo("ready");
        ProcessSnapshot snapshot = snapshotOf(stubborn.pid());

        processes.terminate(snapshot);
        assertThat(processes.awaitExit(snapshot, Duration.ofMillis(300))).isFalse();
        assertThat(processes.kill(snapshot)).isTrue();

        assertThat(processes.awaitExit(snapshot, Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void aKilledProcessThatItsParentHasNotReapedCountsAsGone() throws Exception {
        // The parent never waits for its child, as init may not for a while for an orphaned daemon.
        Process parent = run(ProcessFixtures.realPython().toString(), "-c",
                "import subprocess, sys, time\np = subprocess.Popen(['sleep', '30'])\nprint(p.pid, flush=True)\ntime.sleep(30)");
        long child = Long.parseLong(new BufferedReader(new InputStreamReader(parent.getInputStream())).readLine().strip());
        started.add(child);
        ProcessSnapshot snapshot = snapshotOf(child);

        assertThat(processes.kill(snapshot)).isTrue();

        assertThat(processes.awaitExit(snapshot, Duration.ofSeconds(5))).isTrue();
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive))
                .as("the JDK still counts the zombie alive, which is why ktx looks closer").contains(true);
        assertThat(processes.find(child)).isEmpty();
    }

    @Test
    void spawnDetachesTheDaemonHandsItTheTokenOutsideItsCommandLineAndLogsItsOutput() throws Exception {
        Path daemonDir = Files.createDirectories(dir.resolve("daemon"));
        Path log = Files.createFile(daemonDir.resolve("daemon.log"));
        Path seen = dir.resolve("seen.txt");
        Path daemon = Files.writeString(dir.resolve("ktx-daemon"), String.join("\n",
                "#!/bin/sh",
                "{ echo \"token=$KTX_DAEMON_TOKEN\"; echo \"stdin=$(cat)\"; echo \"cwd=$(pwd -P)\"; } > '" + seen + ".tmp'",
                "mv '" + seen + ".tmp' '" + seen + "'",
                "echo 'to stdout'",
                "echo 'to stderr' >&2",
                "sleep 30 &",
                "wait",
                ""));
        ProcessFixtures.makeExecutable(daemon);

        ProcessSnapshot spawned = processes.spawn(new DaemonProcesses.Launch(ProcessFixtures.realPython(), daemon,
                List.of("serve-http", "--port", "0"), log, TOKEN));
        started.add(spawned.pid());
        // What a search of the process table for an unrecorded daemon relies on, from the spawn on.
        assertThat(spawned.isKtxDaemonLaunchedFrom(dir)).as("while the runtime's Python detaches it").isTrue();
        processes.release(spawned);
        awaitFile(seen);

        ProcessSnapshot running = snapshotOf(spawned.pid());
        assertThat(running.isSameProcessAs(spawned)).as("the launcher became the daemon in place").isTrue();
        assertThat(running.isKtxDaemon()).isTrue();
        assertThat(running.isKtxDaemonLaunchedFrom(dir)).as("as the system shows the daemon").isTrue();
        assertThat(running.isKtxDaemonLaunchedFrom(daemonDir)).isFalse();
        assertThat(String.join(" ", running.command())).doesNotContain(TOKEN);
        assertThat(Files.readAllLines(seen)).containsExactly(
                "token=" + TOKEN, "stdin=", "cwd=" + daemonDir.toRealPath());
        assertThat(sessionOf(spawned.pid())).as("leader of its own session").isEqualTo(spawned.pid());
        awaitContent(log, "to stderr");
        assertThat(Files.readString(log)).contains("to stdout").contains("to stderr");
        assertThat(processes.listOwn()).anyMatch(process -> process.isSameProcessAs(spawned) && process.isKtxDaemon());
    }

    private static long sessionOf(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.UTF_8);
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[3]);
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(file).exists();
    }

    private static void awaitContent(Path file, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Files.readString(file).contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
