package ai.kaelio.ktx.adapters.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The command line's one entry, used by {@code main} and by tests alike: builds the command tree,
 * wires output streams and maps every outcome to the contract's exit codes in one place.
 */
public final class KtxCli {

    private KtxCli() {
    }

    public static int run(CommandLine.IFactory factory, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine(factory, out, err);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    static CommandLine commandLine(CommandLine.IFactory factory, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(KtxCommand.class, factory);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        CommandTree.install(commandLine);
        return commandLine;
    }
}
