package ai.kaelio.ktx.adapters.cli.command;

import ai.kaelio.ktx.adapters.cli.commandline.CommandLines;
import ai.kaelio.ktx.adapters.cli.commandline.CommandModels;
import ai.kaelio.ktx.adapters.cli.commandline.DeclaredCommand;
import ai.kaelio.ktx.adapters.cli.shell.InteractiveShell;
import ai.kaelio.ktx.adapters.cli.shell.ScriptedShell;
import ai.kaelio.ktx.adapters.cli.shell.ShellSession;
import ai.kaelio.ktx.adapters.cli.terminal.ExitCodes;
import ai.kaelio.ktx.adapters.cli.terminal.HostTerminal;
import ai.kaelio.ktx.domain.CliVersion;
import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.RuntimeRoots;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

/**
 * {@code ktx shell}: a second front end over the one command tree. Its fields and signatures name no JLine
 * type, so building the command tree (which every command does) never loads JLine; only {@link #call}
 * reaches the classes that use it.
 */
public final class ShellCommand implements Callable<Integer>, DeclaredCommand {

    static final String NAME = "shell";
    public static final String HISTORY_FILE = "history";

    private final CommandSpec model = CommandModels.command(this, NAME,
            "Start the interactive ktx shell (plain 'ktx' on a terminal starts it too).");

    private final Provider<HostTerminal> terminal;
    private final Provider<HostEnvironment> host;
    private final Provider<CliVersion> version;

    @Inject
    ShellCommand(Provider<HostTerminal> terminal, Provider<HostEnvironment> host, Provider<CliVersion> version) {
        this.terminal = terminal;
        this.host = host;
        this.version = version;
    }

    @Override
    public CommandSpec model() {
        return model;
    }

    @Override
    public Integer call() throws Exception {
        CommandLine.IFactory factory = model.commandLine().getFactory();
        PrintWriter out = model.commandLine().getOut();
        PrintWriter err = model.commandLine().getErr();
        ShellSession session = new ShellSession(
                words -> CommandLines.run(Commands.TREE, factory, out, err, words.toArray(String[]::new)), out, err);
        HostTerminal current = terminal.get();
        if (!current.interactive()) {
            return new ScriptedShell(session, current.stdin(), err).run();
        }
        // Completion gets a tree of its own: picocli's completion parses into the command objects it completes.
        CommandSpec completionTree = CommandLines.whole(Commands.TREE, factory, out, err).getCommandSpec();
        return new InteractiveShell(session, completionTree, historyFile(host.get()), out, err, current.colour())
                .run(version.get().value());
    }

    /** Plain {@code ktx}: the shell for a person at a terminal; for anything else a usage error, as picocli gives. */
    int startForPlainKtx(CommandLine ktx) throws Exception {
        if (terminal.get().interactive()) {
            return call();
        }
        PrintWriter err = ktx.getErr();
        err.println("Missing command: try 'ktx runtime status', or 'ktx shell' for the interactive shell.");
        ktx.usage(err);
        return ExitCodes.USAGE;
    }

    /** Beside the default runtime root, in the user's data directory, whatever KTX_RUNTIME_ROOT says. */
    static Path historyFile(HostEnvironment host) {
        return RuntimeRoots.dataDirectory(host).resolve(HISTORY_FILE);
    }
}
