package ai.kaelio.ktx.adapters.cli.commandline;

import ai.kaelio.ktx.adapters.cli.terminal.ExitCodes;
import java.io.PrintWriter;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine;

/** An unexpected failure: one sentence on stderr, the stack trace only with {@code --stacktrace}. */
public final class FailureHandler implements IExecutionExceptionHandler {

    /** ktx's own option, read from the parse result at whatever depth it was given. */
    public static final String STACKTRACE = "--stacktrace";

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        Throwable cause = ErrorMessages.unwrap(exception);
        if (cause instanceof InterruptedException) {
            err.println("Interrupted.");
            return ExitCodes.INTERRUPTED;
        }
        err.println(ErrorMessages.describe(cause));
        if (wantsStackTrace(parseResult)) {
            exception.printStackTrace(err);
        } else if (!ErrorMessages.isExplained(cause)) {
            err.println("Run again with --stacktrace for details.");
        }
        return ExitCodes.FAILED;
    }

    private static boolean wantsStackTrace(ParseResult parseResult) {
        for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
            if (result.hasMatchedOption(STACKTRACE)) {
                return true;
            }
        }
        return false;
    }
}
