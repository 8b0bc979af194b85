package ai.kaelio.ktx.adapters.cli.output;

import ai.kaelio.ktx.adapters.cli.terminal.ExitCodes;
import ai.kaelio.ktx.domain.DoctorCheck;
import ai.kaelio.ktx.domain.DoctorReport;
import java.io.PrintWriter;

/** {@code ktx runtime doctor}: one line per check, a fix under each failure; exit 1 on any failure. */
public final class DoctorOutput {

    private final PrintWriter out;
    private final boolean json;

    public DoctorOutput(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    public int print(DoctorReport report) {
        if (json) {
            out.println(JsonDocument.render(json -> RuntimeJson.checks(json, report.checks())));
        } else {
            out.println("KTX Python runtime doctor");
            for (DoctorCheck check : report.checks()) {
                out.println(check.status().name() + " " + check.label() + ": " + DoctorWording.detail(check));
                DoctorWording.fix(check).ifPresent(fix -> out.println("  Fix: " + fix));
            }
        }
        return report.hasFailure() ? ExitCodes.FAILED : ExitCodes.OK;
    }
}
