package ai.kaelio.ktx.adapters.cli.command;

import ai.kaelio.ktx.adapters.cli.commandline.CommandModels;
import ai.kaelio.ktx.adapters.cli.commandline.DeclaredCommand;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

/**
 * {@code ktx help [COMMAND…]}: the usage of the command the words name, however deep ({@code help runtime
 * install}). picocli's own help command reads one word only, so {@code help runtime install} showed
 * {@code runtime}'s usage.
 */
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Callable<Integer>, DeclaredCommand {

    static final String NAME = "help";

    private final PositionalParamSpec path =
            CommandModels.words("0..*", "COMMAND", "The command to show, e.g. runtime install");
    private final CommandSpec model = CommandModels.withHelpOption(this, NAME,
            "Show the usage of ktx or of one of its commands.", path).helpCommand(true);

    private CommandLine self;
    private Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public CommandSpec model() {
        return model;
    }

    @Override
    public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = out;
    }

    @Override
    public Integer call() {
        CommandLine command = self.getParent();
        for (String name : CommandModels.<String>valuesOf(path)) {
            CommandLine next = command.getSubcommands().get(name);
            if (next == null) {
                String here = command.getCommandSpec().qualifiedName();
                throw new ParameterException(command, command.getSubcommands().isEmpty()
                        ? "'" + here + "' has no command '" + name + "' under it."
                        : "Unknown command '" + name + "' in '" + here + "': choose one of "
                                + String.join(", ", command.getSubcommands().keySet()) + ".");
            }
            command = next;
        }
        command.usage(out, colors);
        return command.getCommandSpec().exitCodeOnUsageHelp();
    }
}
