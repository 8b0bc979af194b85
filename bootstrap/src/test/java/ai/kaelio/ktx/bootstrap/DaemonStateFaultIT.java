package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.testing.ProcessWaits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real daemon that {@code daemon.json} does not describe: the file was damaged while the daemon ran, or
 * {@code start} was killed after spawning the daemon and before recording it. Status, install and stop
 * must still see it; none may take "no valid record" for "nothing runs".
 */
class DaemonStateFaultIT {

    /** A start that is killed too early or too late (not in the ~0.3 s the daemon takes to answer) is tried again. */
    private static final int KILL_ATTEMPTS = 5;

    @RegisterExtension
    static final InstalledRuntime RUNTIME = new InstalledRuntime();

    @AfterEach
    void endDaemons() throws Exception {
        RUNTIME.endDaemons();
        Files.deleteIfExists(statePath());
        Files.deleteIfExists(startingPath());
    }

    private static Path versionDir() {
        return RUNTIME.versionDir();
    }

    private static Path statePath() {
        return versionDir().resolve("daemon.json");
    }

    private static Path startingPath() {
        return versionDir().resolve("daemon.starting");
    }

    @Test
    void aDaemonJsonDamagedWhileTheDaemonRunsNeitherHidesItFromStopNorLetsInstallRemoveItsRuntime() throws Exception {
        FaultTally tally = new FaultTally("damaged-daemon-json");
        long pid = Long.parseLong(RUNTIME.ktx().run("runtime", "start", "--no-input").succeeds().line("pid: "));
        // What `echo '{"pid":' > daemon.json` leaves.
        Files.writeString(statePath(), "{\"pid\":\n");

        var status = RUNTIME.ktx().run("runtime", "status").succeeds();
        assertThat(status.line("daemon state: ")).isEqualTo("stale");
        assertThat(status.line("daemon detail: ")).startsWith("Daemon state is invalid: ").contains("pid " + pid);
        assertThat(status.line("daemon pid: ")).isEqualTo(String.valueOf(pid));
        assertThat(RUNTIME.ktx().run("runtime", "doctor").out()).contains("WARN KTX daemon: Daemon state is invalid: ");

        String python = status.line("python: ");
        var refused = RUNTIME.ktx().run("runtime", "install", "--force").exits(1);
        assertThat(refused.problem()).isEqualTo("The KTX daemon (pid " + pid + ") runs from this runtime, which a"
                + " reinstall would remove. Stop it first: ktx runtime stop\n");
        assertThat(RUNTIME.ktx().run("runtime", "status").succeeds().line("python: ")).isEqualTo(python);
        assertThat(Daemons.isRunning(pid)).isTrue();

        var stop = RUNTIME.ktx().run("runtime", "stop").succeeds();

        assertThat(stop.out()).startsWith("Stopped KTX daemon\npid: " + pid + "\nremoved stale state: " + statePath()
                + "\nreason: Daemon state is invalid: ");
        assertThat(ProcessWaits.awaitEnded(pid, Duration.ofSeconds(10))).isTrue();
        assertThat(statePath()).doesNotExist();
        assertThat(RUNTIME.ktx().run("runtime", "status").succeeds().line("daemon state: ")).isEqualTo("stopped");
        assertThat(Daemons.daemonsUnder(RUNTIME.root())).isEmpty();
        tally.record("status stale naming the pid, install --force refused, stop ended the daemon");
        tally.publish();
    }

    // Two spellings of one RUNTIME.root(): the daemon's command line holds the one its start used.
    @Test
    void aDaemonStartedThroughALinkToTheRootIsStillFoundUnderTheRealPath() throws Exception {
        Path real = Files.createDirectories(RUNTIME.dir().resolve("linked/real"));
        Path link = Files.createSymbolicLink(RUNTIME.dir().resolve("linked/link"), real);
        KtxRun throughLink = KtxRun.against(link.resolve("root"));
        KtxRun underRealPath = KtxRun.against(real.resolve("root"));
        throughLink.run("runtime", "install").succeeds();
        long pid = Long.parseLong(throughLink.run("runtime", "start", "--no-input").succeeds().line("pid: "));
        Files.writeString(real.resolve("root").resolve(Distribution.version().value()).resolve("daemon.json"), "{\"pid\":\n");

        var status = underRealPath.run("runtime", "status").succeeds();
        assertThat(status.line("daemon state: ")).isEqualTo("stale");
        assertThat(status.line("daemon pid: ")).isEqualTo(String.valueOf(pid));

        assertThat(underRealPath.run("runtime", "stop").succeeds().out()).startsWith("Stopped KTX daemon\npid: " + pid + "\n");
        assertThat(ProcessWaits.awaitEnded(pid, Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void aStartKilledBeforeItRecordedTheDaemonLeavesItVisibleToStatusInstallAndStop() throws Exception {
        FaultTally tally = new FaultTally("kill-9-daemon-start");
        SignalledStart killed = signalStartWhileTheDaemonComesUp(Faults::kill);
        long orphan = killed.daemonPid();
        assertThat(killed.exitCode()).isEqualTo(137);
        assertThat(Daemons.isRunning(orphan)).isTrue();
        assertThat(statePath()).doesNotExist();

        var status = RUNTIME.ktx().run("runtime", "status").succeeds();
        assertThat(status.line("daemon state: ")).isEqualTo("stale");
        assertThat(status.line("daemon detail: ")).contains("pid " + orphan);

        var refused = RUNTIME.ktx().run("runtime", "install", "--force").exits(1);
        assertThat(refused.problem()).isEqualTo("The KTX daemon (pid " + orphan + ") runs from this runtime, which a"
                + " reinstall would remove. Stop it first: ktx runtime stop\n");
        assertThat(Daemons.isRunning(orphan)).isTrue();

        var stop = RUNTIME.ktx().run("runtime", "stop").succeeds();

        assertThat(stop.out()).startsWith("Stopped KTX daemon\npid: " + orphan + "\nremoved stale state: " + startingPath() + "\n");
        assertThat(ProcessWaits.awaitEnded(orphan, Duration.ofSeconds(10))).isTrue();
        assertThat(startingPath()).doesNotExist();
        assertThat(RUNTIME.ktx().run("runtime", "status").succeeds().line("daemon state: ")).isEqualTo("stopped");
        assertThat(Daemons.daemonsUnder(RUNTIME.root())).isEmpty();
        tally.record("JVM killed while its daemon came up (on attempt " + killed.attempt() + "); status stale"
                + " naming the pid, install --force refused, stop ended it");
        tally.publish();
    }

    // As `kill <pid>` or a service manager ends ktx: the JVM's shutdown hook ends the daemon it has not
    // recorded, but nothing removes the marker. The marker names the ended ktx, so status knows it is left over.
    @Test
    void aStartEndedBySigtermBeforeItRecordedTheDaemonEndsItAndStatusSaysStopped() throws Exception {
        FaultTally tally = new FaultTally("sigterm-daemon-start");
        SignalledStart terminated = signalStartWhileTheDaemonComesUp(Faults::terminate);

        assertThat(terminated.exitCode()).isEqualTo(143);
        assertThat(terminated.problem()).isEqualTo("Terminated.\n");
        assertThat(ProcessWaits.awaitEnded(terminated.daemonPid(), Duration.ofSeconds(10))).isTrue();
        assertThat(startingPath()).as("the marker the terminated start left").exists();
        var status = RUNTIME.ktx().run("runtime", "status").succeeds();
        assertThat(status.line("daemon state: ")).isEqualTo("stopped");
        assertThat(Daemons.daemonsUnder(RUNTIME.root())).isEmpty();

        long pid = Long.parseLong(RUNTIME.ktx().run("runtime", "start", "--no-input").succeeds().line("pid: "));
        assertThat(startingPath()).doesNotExist();
        assertThat(RUNTIME.ktx().run("runtime", "status").succeeds().line("daemon pid: ")).isEqualTo(String.valueOf(pid));
        tally.record("JVM ended by SIGTERM while its daemon came up (on attempt " + terminated.attempt() + "); exit 143,"
                + " daemon ended, status stopped, the next start succeeded");
        tally.publish();
    }

    /**
     * A signal to the ktx JVM alone (not its group: the daemon is a child that would die with it) as soon as
     * the daemon's process exists, which is before it answers its health check and so before daemon.json.
     * A signal that landed too late (the daemon was already recorded, or the marker already removed) is retried.
     */
    private static SignalledStart signalStartWhileTheDaemonComesUp(Signaller signaller) throws Exception {
        for (int attempt = 0; attempt < KILL_ATTEMPTS; attempt++) {
            KtxRun.Started start = RUNTIME.ktx().start("runtime", "start", "--no-input");
            Optional<ProcessHandle> daemon = awaitDaemonUnder(RUNTIME.root(), Duration.ofSeconds(60));
            signaller.signal(start.process().pid());
            KtxRun.Result ended = start.finish();
            // Landed: ktx ended without recording the daemon and before removing its marker. (After SIGTERM the
            // command's thread can still see the daemon end and remove the marker before the JVM halts.)
            if (daemon.isPresent() && ended.code() != 0 && Files.notExists(statePath()) && Files.exists(startingPath())) {
                return new SignalledStart(daemon.get().pid(), ended.code(), ended.problem(), attempt + 1);
            }
            Daemons.endAllUnder(RUNTIME.root());
            RUNTIME.ktx().run("runtime", "stop").succeeds();
        }
        throw new AssertionError("no signal landed between spawning the daemon and recording it in " + KILL_ATTEMPTS + " attempts");
    }

    private interface Signaller {
        void signal(long pid) throws Exception;
    }

    private record SignalledStart(long daemonPid, int exitCode, String problem, int attempt) {
    }

    private static Optional<ProcessHandle> awaitDaemonUnder(Path path, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> daemons = Daemons.daemonsUnder(path);
            if (!daemons.isEmpty()) {
                return Optional.of(daemons.get(0));
            }
            Thread.sleep(5);
        }
        return Optional.empty();
    }
}
