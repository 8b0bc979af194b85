package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.application.port.in.EnsureResult;
import java.io.PrintWriter;

/** Why a command that needs the runtime did not get it: the policy's sentence, or the failed install's report. */
final class RuntimeUnavailableOutput {

    private RuntimeUnavailableOutput() {
    }

    /**
     * @param installReport where a failed install's report goes (stderr for commands whose stdout is data)
     * @return the exit code: always {@link ExitCodes#FAILED}
     */
    static int print(EnsureResult reason, PrintWriter installReport, PrintWriter err) {
        if (reason instanceof EnsureResult.NotAllowed notAllowed) {
            err.println(notAllowed.reason());
        } else if (reason instanceof EnsureResult.Declined declined) {
            err.println(declined.reason());
        } else if (reason instanceof EnsureResult.InstallFailed failed) {
            new InstallOutput(installReport, err, false).print(failed.result());
        } else {
            throw new AssertionError(reason);
        }
        return ExitCodes.FAILED;
    }
}
