package ai.kaelio.ktx.adapters.cli.commandline;

import ai.kaelio.ktx.adapters.cli.terminal.CtrlC;
import ai.kaelio.ktx.adapters.cli.terminal.ExitCodes;
import ai.kaelio.ktx.adapters.cli.terminal.Sigterm;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Runs a command line through a declared tree: builds as much of the tree as the words can reach, wires
 * the output streams, and maps every outcome to the contract's exit codes in one place.
 */
public final class CommandLines {

    private CommandLines() {
    }

    public static int run(CommandNode tree, CommandLine.IFactory factory, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = configure(CommandHierarchy.reachableBy(tree, factory, args), out, err);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * Terminal mode: {@link #run}, with Ctrl-C cancelling the running command (see {@link CtrlC}) rather
     * than killing the JVM under it, and SIGTERM saying so as it ends ktx (see {@link Sigterm}). Exits 130
     * once Ctrl-C was pressed, whatever the command returned.
     */
    public static int runInterruptibly(CommandNode tree, CommandLine.IFactory factory, PrintWriter out, PrintWriter err,
            String... args) {
        try (CtrlC ctrlC = CtrlC.interruptsCurrentThread(err); Sigterm sigterm = Sigterm.exitsWithMessage(err)) {
            int code = run(tree, factory, out, err, args);
            return ctrlC.pressed() ? ExitCodes.INTERRUPTED : code;
        }
    }

    /** The whole tree, as help, completion and the shell see it. */
    public static CommandLine whole(CommandNode tree, CommandLine.IFactory factory, PrintWriter out, PrintWriter err) {
        return configure(CommandHierarchy.whole(tree, factory), out, err);
    }

    private static CommandLine configure(CommandLine commandLine, PrintWriter out, PrintWriter err) {
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        commandLine.setParameterExceptionHandler(new UsageErrorHandler());
        CommandTree.install(commandLine);
        return commandLine;
    }
}
