package ai.kaelio.ktx.adapters.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.kaelio.ktx.application.testing.ProcessWaits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerTest {

    @TempDir
    Path dir;

    @Test
    void childGetsTheHostsVariablesWithoutOnesThatWouldLeakAnotherPython() throws Exception {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("KTX_TEST_MARKER", "from-host");
        overrides.put("VIRTUAL_ENV", "/elsewhere/venv");
        overrides.put("PYTHONPATH", "/elsewhere/lib");
        overrides.put("HOME", null);
        CommandRunner runner = new CommandRunner(ProcessFixtures.host(overrides));

        CommandRunner.Captured captured = runner.capture(List.of("sh", "-c",
                "echo \"$KTX_TEST_MARKER|${VIRTUAL_ENV-unset}|${PYTHONPATH-unset}|${HOME-unset}|$PIP_NO_INPUT\""),
                Duration.ofSeconds(10));
        // HOME is in this JVM's environment but not in the host's: the host decides.
        assertThat(captured).isEqualTo(new CommandRunner.Captured(0, "from-host|unset|unset|unset|1\n"));
    }

    @Test
    void loggedRunWritesTheCommandItsOutputAndExitAndKeepsTheLastLines() throws Exception {
        Path logPath = dir.resolve("install.log");
        String script = "for i in $(seq 1 30); do echo out $i; done";
        CommandRunner.Logged logged;
        try (InstallLog log = InstallLog.create(logPath)) {
            logged = new CommandRunner(ProcessFixtures.host()).runLogged(List.of("sh", "-c", script), log);
        }
        assertThat(logged).isEqualTo(new CommandRunner.Logged(0,
                IntStream.rangeClosed(11, 30).mapToObj(i -> "out " + i).toList()));
        List<String> lines = Files.readAllLines(logPath);
        assertThat(lines.get(0)).isEqualTo("$ sh -c " + InstallLog.render(List.of(script)));
        assertThat(lines).hasSize(32).contains("out 1", "out 30");
        assertThat(lines.get(lines.size() - 1)).matches("# exit 0 after \\d+\\.\\d\\d s");
    }

    @Test
    void loggedRunKeepsStderrAndTheExitCode() throws Exception {
        Path logPath = dir.resolve("install.log");
        CommandRunner.Logged logged;
        try (InstallLog log = InstallLog.create(logPath)) {
            logged = new CommandRunner(ProcessFixtures.host()).runLogged(List.of("sh", "-c", "echo oops >&2; exit 3"), log);
        }
        assertThat(logged).isEqualTo(new CommandRunner.Logged(3, List.of("oops")));
        assertThat(Files.readAllLines(logPath)).hasSize(3).startsWith("$ sh -c 'echo oops >&2; exit 3'", "oops");
        assertThat(Files.readAllLines(logPath).get(2)).startsWith("# exit 3 after ");
    }

    @Test
    void aChildKilledByTheSignalThatCancelsKtxEndsTheRunAsACancellationNotAFailure() throws Exception {
        // As in a terminal: the signal reaches the child and ktx together, and ktx's handler interrupts the command
        // a moment after the child has died of it.
        Thread running = Thread.currentThread();
        CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            running.interrupt();
        });
        CommandRunner runner = new CommandRunner(ProcessFixtures.host());
        try (InstallLog log = InstallLog.create(dir.resolve("install.log"))) {
            assertThatThrownBy(() -> runner.runLogged(List.of("sh", "-c", "kill -TERM $$"), log))
                    .isInstanceOf(InterruptedException.class);
        }
    }

    @Test
    void aChildKilledByASignalKtxDidNotGetIsItsOwnFailure() throws Exception {
        CommandRunner runner = new CommandRunner(ProcessFixtures.host());
        assertThat(runner.capture(List.of("sh", "-c", "echo dying >&2; kill -TERM $$"), Duration.ofSeconds(10)))
                .isEqualTo(new CommandRunner.Captured(143, "", "dying\n"));
    }

    @Test
    void commandThatCannotStartIsAFailureNotAnException() throws Exception {
        Path missing = dir.resolve("no-such-tool");
        CommandRunner runner = new CommandRunner(ProcessFixtures.host());
        assertThat(runner.capture(List.of(missing.toString()), Duration.ofSeconds(5)).exitCode()).isEqualTo(-1);
        try (InstallLog log = InstallLog.create(dir.resolve("install.log"))) {
            CommandRunner.Logged logged = runner.runLogged(List.of(missing.toString(), "venv"), log);
            assertThat(logged.exitCode()).isEqualTo(-1);
            assertThat(logged.tail()).singleElement().asString().startsWith("could not start " + missing);
        }
    }

    @Test
    void failedCaptureIsExplainedByItsLastErrorLineWhateverOrderTheStreamsArrivedIn() throws Exception {
        // Python with a pipe for stdout prints its buffered stdout at exit, after the traceback on stderr.
        CommandRunner.Captured captured = new CommandRunner(ProcessFixtures.host()).capture(List.of(
                ProcessFixtures.realPython().toString(), "-c", "print('partial result'); raise SystemExit('Error: boom')"),
                Duration.ofSeconds(10));

        assertThat(captured).isEqualTo(new CommandRunner.Captured(1, "partial result\n", "Error: boom\n"));
        assertThat(captured.lastLine()).isEqualTo("Error: boom");
        assertThat(captured.firstLine()).isEqualTo("partial result");
    }

    @Test
    void successfulCaptureIsSummedUpByItsOutputNotItsWarnings() {
        CommandRunner.Captured captured = new CommandRunner.Captured(0, "uv 0.9.5\n", "warning: cache is cold\n");
        assertThat(captured.lastLine()).isEqualTo("uv 0.9.5");
        assertThat(new CommandRunner.Captured(0, "", "only said this\n").lastLine()).isEqualTo("only said this");
    }

    @Test
    void captureGivesUpAfterItsTimeoutAndEndsTheCommand() throws Exception {
        Path pidFile = dir.resolve("sleep.pid");
        long started = System.nanoTime();
        CommandRunner.Captured captured = new CommandRunner(ProcessFixtures.host()).capture(
                List.of("sh", "-c", "sleep 303 & echo $! > " + pidFile + "; wait"), Duration.ofSeconds(1));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(captured).isEqualTo(new CommandRunner.Captured(-1, "sh did not answer within 1 s"));
        // zt-exec ends a timed-out command on its own worker thread, so give it a moment.
        long sleep = Long.parseLong(Files.readString(pidFile).strip());
        boolean ended = ProcessWaits.awaitEnded(sleep, Duration.ofSeconds(5));
        if (!ended) {
            ProcessHandle.of(sleep).ifPresent(ProcessHandle::destroyForcibly);
        }
        assertThat(ended).as("the timed-out command's child %d survived", sleep).isTrue();
    }

    @Test
    void interruptedRunEndsAGrandchildOrphanedWhenItsParentDiedFirst() throws Exception {
        // On a terminal Ctrl-C reaches the child as well as ktx: the shell dies at once, while its background
        // job, which ignores SIGINT, is re-parented and keeps the output pipe open. ktx's interrupt comes after.
        Path pids = dir.resolve("pids");
        String script = "sleep 304 & echo $$ $! > " + pids + "; wait";
        CompletableFuture<Throwable> run = new CompletableFuture<>();
        Thread runner = new Thread(() -> {
            try (InstallLog log = InstallLog.create(dir.resolve("install.log"))) {
                new CommandRunner(ProcessFixtures.host()).runLogged(List.of("sh", "-c", script), log);
                run.complete(null);
            } catch (Throwable e) {
                run.complete(e);
            }
        });
        runner.start();
        long[] shellAndSleep = awaitPids(pids);
        Thread.sleep(600); // a few rounds of the watcher that notes descendants
        try {
            // SIGKILL stands in for the terminal's SIGINT, which a shell started with SIGINT ignored could not take.
            new ProcessBuilder("kill", "-KILL", Long.toString(shellAndSleep[0])).start().waitFor();
            assertThat(ProcessWaits.awaitEnded(shellAndSleep[0], Duration.ofSeconds(5))).as("the shell died").isTrue();

            runner.interrupt();

            assertThat(run.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
            assertThat(ProcessWaits.awaitEnded(shellAndSleep[1], Duration.ofSeconds(5)))
                    .as("the orphaned sleep %d survived", shellAndSleep[1]).isTrue();
        } finally {
            ProcessHandle.of(shellAndSleep[1]).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void childThatLeavesAGrandchildHoldingItsOutputStillReturnsPromptly() throws Exception {
        Path pids = dir.resolve("pids");
        long started = System.nanoTime();
        CommandRunner.Logged logged;
        try (InstallLog log = InstallLog.create(dir.resolve("install.log"))) {
            logged = new CommandRunner(ProcessFixtures.host()).runLogged(
                    List.of("sh", "-c", "sleep 305 & echo $$ $! > " + pids + "; echo done"), log);
        } finally {
            ProcessHandle.of(awaitPids(pids)[1]).ifPresent(ProcessHandle::destroyForcibly);
        }

        assertThat(logged).isEqualTo(new CommandRunner.Logged(0, List.of("done")));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
    }

    private static long[] awaitPids(Path file) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                String[] fields = Files.readString(file).strip().split(" ");
                if (fields.length == 2) {
                    return new long[] {Long.parseLong(fields[0]), Long.parseLong(fields[1])};
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no pids in " + file);
    }
}
