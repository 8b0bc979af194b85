package ai.kaelio.ktx.adapters.cli.output;

import ai.kaelio.ktx.adapters.cli.terminal.ExitCodes;
import ai.kaelio.ktx.application.port.in.ExecResult;
import java.io.PrintWriter;

/**
 * {@code ktx runtime exec}: the command's own exit code when it ran; otherwise one sentence on stderr
 * (stdout belongs to the command) and 127, 126 or 1.
 */
public final class ExecOutput {

    private final PrintWriter err;

    public ExecOutput(PrintWriter err) {
        this.err = err;
    }

    public int print(ExecResult result) {
        if (result instanceof ExecResult.Exited exited) {
            return exited.exitCode();
        }
        if (result instanceof ExecResult.CommandNotFound notFound) {
            err.println("Command not found: " + notFound.command());
            return ExitCodes.COMMAND_NOT_FOUND;
        }
        if (result instanceof ExecResult.CannotStart cannot) {
            err.println("Cannot run " + cannot.command() + ": " + cannot.reason());
            return ExitCodes.CANNOT_RUN;
        }
        if (result instanceof ExecResult.RuntimeUnavailable unavailable) {
            // The install's own failure report goes to stderr too, like everything exec says.
            return RuntimeUnavailableOutput.print(unavailable.reason(), err, err);
        }
        throw new AssertionError(result);
    }
}
