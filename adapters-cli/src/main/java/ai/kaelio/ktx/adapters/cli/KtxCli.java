package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.adapters.cli.command.Commands;
import ai.kaelio.ktx.adapters.cli.commandline.CommandLines;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The command line's one entry, used by {@code main} and by tests alike: ktx's command tree
 * ({@link Commands#TREE}) run as {@link CommandLines} runs any tree.
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
        return CommandLines.run(Commands.TREE, factory, out, err, args);
    }

    /** {@link #run}, with Ctrl-C cancelling the running command and SIGTERM saying so (see {@link CommandLines}). */
    public static int runInterruptibly(CommandLine.IFactory factory, PrintWriter out, PrintWriter err, String... args) {
        return CommandLines.runInterruptibly(Commands.TREE, factory, out, err, args);
    }
}
