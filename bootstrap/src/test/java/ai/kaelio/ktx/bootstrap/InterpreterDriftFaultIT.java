package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The base interpreter a runtime was built from moves or disappears (uv #8028, pipx #146): status says
 * broken and names it, doctor names the fix, install repairs it.
 */
class InterpreterDriftFaultIT {

    @TempDir
    Path dir;

    @Test
    void movedOrRemovedBaseInterpreterIsReportedAndRepaired() throws Exception {
        FaultTally tally = new FaultTally("interpreter-drift");
        for (String drift : List.of("moved", "removed")) {
            Path base = baseInterpreter(dir.resolve("base-" + drift));
            KtxRun ktx = KtxRun.against(dir.resolve("root-" + drift)).env("KTX_PYTHON", base.toString());
            ktx.run("runtime", "install").succeeds();
            Faults.assertReadyAndRuns(ktx);

            Path baseDir = base.getParent().getParent();
            if (drift.equals("moved")) {
                Files.move(baseDir, baseDir.resolveSibling(baseDir.getFileName() + "-elsewhere"));
            } else {
                Files.delete(base);
            }

            var status = ktx.run("runtime", "status").succeeds();
            assertThat(status.line("status: ")).isEqualTo("broken");
            assertThat(status.line("detail: ")).contains("no longer exists").contains(base.toString());
            var doctor = ktx.run("runtime", "doctor").exits(1);
            assertThat(doctor.out()).contains("FAIL Managed Python runtime: ").contains("  Fix: Run: ktx runtime install --yes");

            var repaired = ktx.env("KTX_PYTHON", null).run("runtime", "install").succeeds();
            assertThat(repaired.out()).startsWith("Installed KTX Python runtime");
            Faults.assertReadyAndRuns(ktx);
            tally.record("base interpreter " + drift + ": broken, named, doctor fix, repaired");
        }
        tally.publish();
    }

    /** A base interpreter that can be moved away: a link to the real one in a directory of our own. */
    private static Path baseInterpreter(Path directory) throws Exception {
        Process real = new ProcessBuilder(TestWheels.python(), "-c", "import os, sys; print(os.path.realpath(sys.executable))").start();
        String target = new String(real.getInputStream().readAllBytes()).strip();
        assertThat(real.waitFor()).isZero();
        Path bin = Files.createDirectories(directory.resolve("bin"));
        return Files.createSymbolicLink(bin.resolve("python3"), Path.of(target));
    }
}
