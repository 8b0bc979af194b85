package ai.kaelio.ktx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several ktx processes at once on one runtime root. */
class ConcurrencyFaultIT {

    @TempDir
    Path dir;

    @Test
    void sixConcurrentInstallsOnAnEmptyRootBuildOnce() throws Exception {
        FaultTally tally = new FaultTally("concurrent-installs");
        KtxRun ktx = KtxRun.against(dir.resolve("root"));
        List<KtxRun.Started> started = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            started.add(ktx.start("runtime", "install"));
        }
        List<KtxRun.Result> results = new ArrayList<>();
        for (KtxRun.Started run : started) {
            KtxRun.Result result = run.finish().succeeds();
            results.add(result);
            tally.record(result.out().startsWith("Installed") ? "installed" : "used existing"
                    + (result.err().contains("Waiting for ktx process") ? " after waiting" : ""));
        }

        assertThat(results).filteredOn(result -> result.out().startsWith("Installed KTX Python runtime")).hasSize(1);
        assertThat(results).filteredOn(result -> result.out().startsWith("Using existing KTX Python runtime")).hasSize(5);
        assertThat(results).extracting(result -> result.line("python: ")).containsOnly(results.get(0).line("python: "));
        Faults.assertReadyAndRuns(ktx);
        tally.publish();
    }

    @Test
    void statusDuringAForcedReinstallIsNeverReadyForARuntimeThatDoesNotRun() throws Exception {
        FaultTally tally = new FaultTally("status-during-force-reinstall");
        KtxRun ktx = KtxRun.against(dir.resolve("root"));
        ktx.run("runtime", "install").succeeds();

        for (int round = 0; round < 2; round++) {
            KtxRun.Started forced = ktx.start("runtime", "install", "--force");
            while (forced.process().isAlive()) {
                tally.record("status " + Faults.honestStatus(ktx) + " while reinstalling");
            }
            forced.finish().succeeds();
            tally.record("status " + Faults.honestStatus(ktx) + " after reinstall");
        }

        assertThat(tally.cases()).isGreaterThanOrEqualTo(4);
        tally.publish();
    }
}
