package ai.kaelio.ktx.adapters.cli.commandline;

import ai.kaelio.ktx.adapters.cli.terminal.ExitCodes;
import java.io.PrintWriter;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/** Bad command or option: what was wrong, a suggestion when there is a close match, and where help is. Exit 2. */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(exception.getMessage());
        UnmatchedArgumentException.printSuggestions(exception, err);
        err.println("See '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
        return ExitCodes.USAGE;
    }
}
