package ai.kaelio.ktx.adapters.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code ktx help [COMMAND…]}: the usage of the command the words name, however deep ({@code help runtime
 * install}). picocli's own help command reads one word only, so {@code help runtime install} showed
 * {@code runtime}'s usage.
 */
@Command(name = "help", helpCommand = true, description = "Show the usage of ktx or of one of its commands.")
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean helpRequested;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command to show, e.g. runtime install")
    List<String> path = new ArrayList<>();

    private CommandLine self;
    private Help.ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = out;
    }

    @Override
    public Integer call() {
        CommandLine command = self.getParent();
        for (String name : path) {
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
