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

    /**
     * picocli's start-up work that needs no injector (see {@link PicocliWarmUp}), for a spare core while
     * the caller builds the injector. Throws only if picocli itself cannot model.
     */
    public static void warmUp() {
        PicocliWarmUp.warm();
    }

    public static int run(CommandLine.IFactory factory, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = configure(CommandHierarchy.reachableBy(factory, args), out, err);
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
    public static int runInterruptibly(CommandLine.IFactory factory, PrintWriter out, PrintWriter err, String... args) {
        try (CtrlC ctrlC = CtrlC.interruptsCurrentThread(err); Sigterm sigterm = Sigterm.exitsWithMessage(err)) {
            int code = run(factory, out, err, args);
            return ctrlC.pressed() ? ExitCodes.INTERRUPTED : code;
        }
    }

    /** The whole command tree, as help, completion and the shell see it. */
    static CommandLine commandLine(CommandLine.IFactory factory, PrintWriter out, PrintWriter err) {
        return configure(CommandHierarchy.whole(factory), out, err);
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
