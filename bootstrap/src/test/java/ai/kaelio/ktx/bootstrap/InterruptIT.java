package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.application.testing.ProcessWaits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during an install, in terminal mode and in the shell: ktx cancels cleanly and leaves nothing behind.
 * SIGTERM to ktx's whole process group: ktx says it was terminated, not that a provisioner step failed.
 */
class InterruptIT {

    @TempDir
    Path dir;

    @Test
    void sigintDuringAnInstallExits130EndsTheProvisionersTreeAndKeepsThePreviousRuntime() throws Exception {
        KtxRun ktx = KtxRun.against(dir.resolve("root"));
        String python = ktx.run("runtime", "install").succeeds().line("python: ");
        Path slow = dir.resolve("slow-uv");
        KtxRun.Started install = ktx.env("KTX_UV", KtxRun.slowUv(slow).toString())
                .start("runtime", "install", "--force", "--provisioner", "uv");
        List<Long> standIn = KtxRun.awaitHangingPip(slow);

        // The signal a terminal's Ctrl-C sends, to ktx alone: ktx itself must end the provisioner's tree.
        new ProcessBuilder("kill", "-INT", Long.toString(install.process().pid())).start().waitFor();
        long sent = System.nanoTime();
        KtxRun.Result cancelled = install.finish().exits(130);

        assertThat(Duration.ofNanos(System.nanoTime() - sent)).as("cancelled without waiting for the grace period")
                .isLessThan(Duration.ofSeconds(8));
        assertThat(cancelled.problem()).isEqualTo("Interrupted.\n");
        assertStandInGone(standIn);
        assertPreviousRuntimeKept(ktx.env("KTX_UV", null), python, slow);
    }

    @Test
    void ctrlCInTheShellCancelsTheInstallAndTheShellGoesOn() throws Exception {
        KtxRun ktx = KtxRun.against(dir.resolve("root")).env("XDG_DATA_HOME", dir.resolve("data").toString());
        String python = ktx.run("runtime", "install").succeeds().line("python: ");
        Path slow = dir.resolve("slow-uv");

        try (var terminal = PseudoTerminal.start(ktx.env("TERM", "xterm").env("KTX_UV", KtxRun.slowUv(slow).toString()), "shell")) {
            terminal.waitFor("ktx> ").type("runtime install --force --provisioner uv\r");
            List<Long> standIn = KtxRun.awaitHangingPip(slow);
            terminal.waitFor("Install packages");
            // ktx notes a child's descendants every 0.2 s: one younger than that escapes if its parent dies first.
            Thread.sleep(600);
            // Typed on the terminal: SIGINT to ktx and to the stand-in, whose background sleep ignores it.
            terminal.type("\u0003").waitFor("Interrupted.");
            assertStandInGone(standIn);

            terminal.type("runtime status\r").waitFor("status: ready").waitFor("python: " + python + "\n");
            // The same JVM takes the version's lock again: the cancelled install released it.
            terminal.type("runtime install --force --provisioner venv\r").waitFor("Installed KTX Python runtime");
            // Ctrl-D only once the next prompt reads it: typed before, the line discipline may take it as end of input.
            terminal.waitFor("install.log\nktx> ").type("\u0004");
            assertThat(terminal.exitCode()).isZero();
        }
        assertThat(attempt(slow)).as("the cancelled attempt is discarded").doesNotExist();
    }

    @Test
    void sigtermToTheWholeGroupWhilePipRunsSaysTerminatedExits143AndKeepsTheRuntimeAndItsLog() throws Exception {
        KtxRun ktx = KtxRun.against(dir.resolve("root"));
        var installed = ktx.run("runtime", "install").succeeds();
        Path installLog = Path.of(installed.line("install log: "));
        String logBefore = Files.readString(installLog);
        Path slow = dir.resolve("slow-uv");
        KtxRun.Started install = ktx.env("KTX_UV", KtxRun.slowUv(slow).toString())
                .startInNewSession("runtime", "install", "--force", "--provisioner", "uv");
        List<Long> standIn = KtxRun.awaitHangingPip(slow);

        // As a service manager or CI runner stops a job: the signal reaches ktx and the stand-in pip together.
        terminateGroup(install.process().pid());
        KtxRun.Result terminated = install.finish().exits(143);

        assertThat(terminated.problem()).isEqualTo("Terminated.\n");
        assertStandInGone(standIn);
        var status = ktx.env("KTX_UV", null).run("runtime", "status").succeeds();
        assertThat(status.line("status: ")).isEqualTo("ready");
        assertThat(status.line("python: ")).isEqualTo(installed.line("python: "));
        assertThat(installLog).as("the runtime in use keeps its log").hasContent(logBefore);
        assertThat(ktx.run("runtime", "install", "--force").succeeds().out()).as("the lock is free")
                .startsWith("Installed KTX Python runtime");
        assertThat(attempt(slow)).as("the terminated attempt is removed by the next install").doesNotExist();
    }

    @Test
    void sigtermToTheWholeGroupWhileTheInterpreterIsProbedSaysTerminatedNotThatPythonIsBroken() throws Exception {
        Path probed = dir.resolve("probed");
        Path python = dir.resolve("bin/python3");
        Files.createDirectories(python.getParent());
        Files.writeString(python, "#!/bin/sh\ntouch '" + probed + "'\nsleep 300 & wait\n");
        assertThat(python.toFile().setExecutable(true)).isTrue();
        KtxRun ktx = KtxRun.against(dir.resolve("root")).env("KTX_PYTHON", python.toString());
        KtxRun.Started install = ktx.startInNewSession("runtime", "install", "--provisioner", "venv");
        awaitFile(probed);

        terminateGroup(install.process().pid());
        KtxRun.Result terminated = install.finish().exits(143);

        assertThat(terminated.problem()).isEqualTo("Terminated.\n");
        assertThat(ktx.run("runtime", "status").succeeds().line("status: ")).isEqualTo("missing");
    }

    /** SIGTERM to ktx (started with {@code startInNewSession}) and everything it started. */
    private static void terminateGroup(long leaderPid) throws java.io.IOException, InterruptedException {
        new ProcessBuilder("kill", "-TERM", "--", "-" + leaderPid).start().waitFor();
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(file)) {
            assertThat(System.nanoTime()).as("%s appears within 60 s", file).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** The environment directory the stand-in was asked to create. */
    private static Path attempt(Path slow) throws java.io.IOException {
        return Path.of(Files.readAllLines(slow.resolve("calls.log")).stream()
                .filter(line -> line.startsWith("venv ")).findFirst().orElseThrow().substring("venv ".length()));
    }

    private static void assertStandInGone(List<Long> pids) throws InterruptedException {
        for (long pid : pids) {
            assertThat(ProcessWaits.awaitEnded(pid, Duration.ofSeconds(5))).as("stand-in process %d is gone", pid).isTrue();
        }
    }

    /** Still ready on the same environment, which still runs; the cancelled attempt's directory is gone; the lock is free. */
    private static void assertPreviousRuntimeKept(KtxRun ktx, String python, Path slow) throws Exception {
        var status = ktx.run("runtime", "status").succeeds();
        assertThat(status.line("status: ")).isEqualTo("ready");
        assertThat(status.line("python: ")).isEqualTo(python);
        Process imports = new ProcessBuilder(python, "-c", "import kaelio_ktx; print('still works')").redirectErrorStream(true).start();
        assertThat(new String(imports.getInputStream().readAllBytes())).contains("still works");
        assertThat(attempt(slow)).as("the cancelled attempt is discarded").doesNotExist();
        assertThat(ktx.run("runtime", "install").succeeds().out()).as("the lock is free and the runtime reusable")
                .startsWith("Using existing KTX Python runtime");
    }
}
