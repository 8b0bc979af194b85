package ai.kaelio.ktx.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DoctorReportTest {

    private final DoctorCheck uv = DoctorCheck.warn("uv", "uv", "uv not found");
    private final DoctorCheck python = DoctorCheck.pass("python", "Python interpreter", "Python 3.12.1");
    private final DoctorCheck runtime = DoctorCheck.fail("runtime", "Managed Python runtime", "No runtime manifest",
            DoctorCheck.Fix.Command.INSTALL_RUNTIME);

    @Test
    void passesAndWarningsAreNotFailures() {
        assertThat(new DoctorReport(List.of(uv, python)).hasFailure()).isFalse();
        assertThat(new DoctorReport(List.of()).hasFailure()).isFalse();
    }

    @Test
    void oneFailingCheckFailsTheReport() {
        assertThat(new DoctorReport(List.of(uv, runtime, python)).hasFailure()).isTrue();
    }

    @Test
    void checksAreFoundById() {
        DoctorReport report = new DoctorReport(List.of(uv, python, runtime));

        assertThat(report.check("runtime")).contains(runtime);
        assertThat(report.check("daemon")).isEmpty();
    }

    @Test
    void theReportKeepsItsOwnCopyInOrder() {
        List<DoctorCheck> checks = new ArrayList<>(List.of(python, uv));
        DoctorReport report = new DoctorReport(checks);
        checks.add(runtime);

        assertThat(report.checks()).containsExactly(python, uv);
        assertThat(report.hasFailure()).isFalse();
    }

    @Test
    void checksCarryOnlyTheFixTheyWereGiven() {
        assertThat(runtime.fix()).contains(DoctorCheck.Fix.Command.INSTALL_RUNTIME);
        assertThat(uv.fix()).isEmpty();
        assertThat(python.fix()).isEmpty();
        assertThat(List.of(python.status().id(), uv.status().id(), runtime.status().id()))
                .containsExactly("pass", "warn", "fail");
    }
}
