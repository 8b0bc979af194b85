package ai.kaelio.ktx.adapters.cli.output;

import ai.kaelio.ktx.adapters.cli.terminal.ExitCodes;
import ai.kaelio.ktx.application.port.in.EnsureResult;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.RuntimeStatus;
import java.io.PrintWriter;
import java.util.stream.Collectors;

/**
 * Why a command that needs the runtime did not get it, in the contract's sentences and with the command
 * that fixes it, or the failed install's report.
 */
public final class RuntimeUnavailableOutput {

    private RuntimeUnavailableOutput() {
    }

    /**
     * @param installReport where a failed install's report goes (stderr for commands whose stdout is data)
     * @return the exit code: always {@link ExitCodes#FAILED}
     */
    public static int print(EnsureResult reason, PrintWriter installReport, PrintWriter err) {
        if (reason instanceof EnsureResult.NotAllowed notAllowed) {
            err.println(refusal(notAllowed) + " Run: " + InstallCommandLine.of(notAllowed.requested()));
        } else if (reason instanceof EnsureResult.Declined declined) {
            err.println("Not installing the KTX Python runtime. Run: " + InstallCommandLine.of(declined.requested()));
        } else if (reason instanceof EnsureResult.InstallFailed failed) {
            new InstallOutput(installReport, err, false).print(failed.result());
        } else {
            throw new AssertionError(reason);
        }
        return ExitCodes.FAILED;
    }

    /** A broken runtime says what is broken; a ready one lacking features names them. */
    private static String refusal(EnsureResult.NotAllowed notAllowed) {
        RuntimeStatus status = notAllowed.status();
        if (status instanceof RuntimeStatus.Broken broken) {
            return "KTX Python runtime is broken (" + broken.detail() + ").";
        }
        if (!notAllowed.missingFeatures().isEmpty()) {
            return "KTX Python runtime feature " + notAllowed.missingFeatures().stream().map(Feature::id)
                    .collect(Collectors.joining(", ")) + " is required for this command.";
        }
        return "KTX Python runtime is required for this command.";
    }
}
