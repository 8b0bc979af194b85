package ai.kaelio.ktx.adapters.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.adapters.cli.command.CliHarness;
import ai.kaelio.ktx.application.port.in.InstallResult;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.InstallStep;
import ai.kaelio.ktx.domain.LockHolder;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressOutputTest {

    private static final HostTerminal PIPE = new HostTerminal(false, false, InputStream.nullInputStream());
    private static final HostTerminal TERMINAL = new HostTerminal(true, false, InputStream.nullInputStream());
    private static final HostTerminal TERMINAL_NO_COLOR = new HostTerminal(true, true, InputStream.nullInputStream());

    private final StringWriter err = new StringWriter();
    private final AtomicLong nanos = new AtomicLong();

    @Test
    void withoutATerminalEachStepIsOnePlainLine() {
        ProgressOutput progress = InstallProgress.forInstall(new PrintWriter(err), PIPE, false);

        allSteps(progress);
        progress.finish(true);

        assertThat(err.toString()).isEqualTo(
                "Verify bundled wheel…\nCreate environment…\nInstall packages…\nWrite manifest…\n");
    }

    @Test
    void jsonGetsNoProgressEvenOnATerminal() {
        ProgressOutput progress = InstallProgress.forInstall(new PrintWriter(err), TERMINAL, true);

        allSteps(progress);
        progress.finish(true);

        assertThat(err.toString()).isEmpty();
    }

    @Test
    void liveProgressRedrawsTheRunningStepWithSpinnerAndElapsedTimeAndTicksOffFinishedOnes() {
        LiveProgressOutput progress = live(false);

        progress.stepStarted(InstallStep.VERIFY_WHEEL);
        nanos.set(300_000_000);
        progress.tick();
        progress.stepStarted(InstallStep.CREATE_ENVIRONMENT);
        nanos.set(1_500_000_000);
        progress.tick();
        progress.finish(true);

        String text = err.toString();
        assertThat(text).startsWith("\r" + LiveProgressOutput.FRAMES[0] + " Verify bundled wheel");
        assertThat(text).contains("\r" + LiveProgressOutput.FRAMES[1] + " Verify bundled wheel     0.3s");
        assertThat(text).contains("\r✓ Verify bundled wheel     0.3s");
        assertThat(text).contains("\r✓ Create environment       1.2s");
        assertThat(screen(text)).containsExactly("✓ Verify bundled wheel     0.3s", "✓ Create environment       1.2s");
        assertThat(text).as("no escape codes without colour").doesNotContain("\u001b");
    }

    @Test
    void aFailedInstallCrossesOutTheStepItStoppedIn() {
        LiveProgressOutput progress = live(false);

        progress.stepStarted(InstallStep.VERIFY_WHEEL);
        progress.stepStarted(InstallStep.INSTALL_PACKAGES);
        progress.finish(false);
        progress.stepStarted(InstallStep.WRITE_MANIFEST);

        assertThat(err.toString()).contains("✓ Verify bundled wheel").contains("✗ Install packages")
                .as("nothing is drawn once finished").doesNotContain("Write manifest");
    }

    @Test
    void colourIsUsedOnATerminalUnlessNoColorIsSet() {
        LiveProgressOutput coloured = live(true);
        coloured.stepStarted(InstallStep.VERIFY_WHEEL);
        coloured.finish(true);
        assertThat(err.toString()).contains("\u001b[32m✓\u001b[0m");

        StringWriter plain = new StringWriter();
        ProgressOutput noColor = InstallProgress.forInstall(new PrintWriter(plain), TERMINAL_NO_COLOR, false);
        allSteps(noColor);
        noColor.finish(true);
        assertThat(plain.toString()).contains("✓ Write manifest").doesNotContain("\u001b");
    }

    @Test
    void waitingForTheLockSaysWhoHoldsItAndSpinsWhileWaiting() {
        LiveProgressOutput progress = live(false);

        progress.stepStarted(InstallStep.VERIFY_WHEEL);
        progress.waitingForLock(Path.of("/runtime/.locks/0.2.0.lock"),
                Optional.of(new LockHolder(4242, Instant.parse("2026-05-11T10:00:00Z"), "install")));
        progress.stepStarted(InstallStep.CREATE_ENVIRONMENT);
        progress.finish(true);

        assertThat(screen(err.toString())).containsExactly(
                        "✓ Verify bundled wheel     0.0s",
                        "Waiting for ktx process 4242 (install since 10:00:00 UTC) to release /runtime/.locks/0.2.0.lock…",
                        "✓ " + String.format("%-22s", LiveProgressOutput.WAITING) + "   0.0s",
                        "✓ Create environment       0.0s");
    }

    /** What stays on a terminal: each line as its last carriage return left it. */
    private static List<String> screen(String text) {
        return Arrays.stream(text.split("\n"))
                .map(line -> line.substring(line.lastIndexOf('\r') + 1).stripTrailing())
                .filter(line -> !line.isEmpty())
                .toList();
    }

    @Test
    void installOnATerminalShowsLiveProgressOnStderrAndItsResultOnStdout() {
        var result = new CliHarness().terminal(TERMINAL_NO_COLOR).install(request -> {
            request.observer().stepStarted(InstallStep.VERIFY_WHEEL);
            return new InstallResult.Installed(CliHarness.LAYOUT, CliHarness.manifest(FeatureSet.core()));
        }).run("runtime", "install");

        assertThat(result.code()).isZero();
        assertThat(screen(result.err())).containsExactly("✓ Verify bundled wheel     0.0s");
        assertThat(result.out()).startsWith("Installed KTX Python runtime\n");
    }

    @Test
    void aProvisionerThatDiedOfTheSameCtrlCIsReportedAsTheCancellation() {
        var result = new CliHarness().install(request -> {
            // On a terminal Ctrl-C reaches the provisioner too; it may fail before ktx is interrupted.
            Thread.currentThread().interrupt();
            return new InstallResult.Failed(Path.of("/runtime/0.2.0/install.log"), "uv pip install", List.of("KeyboardInterrupt"));
        }).run("runtime", "install");

        assertThat(result.code()).isEqualTo(130);
        assertThat(result.err()).isEqualTo("Interrupted.\n");
        assertThat(Thread.interrupted()).as("the flag was consumed with the cancellation").isFalse();
    }

    private LiveProgressOutput live(boolean colour) {
        return new LiveProgressOutput(new PrintWriter(err), colour, nanos::get);
    }

    private static void allSteps(ProgressOutput progress) {
        for (InstallStep step : InstallStep.values()) {
            progress.stepStarted(step);
        }
    }
}
