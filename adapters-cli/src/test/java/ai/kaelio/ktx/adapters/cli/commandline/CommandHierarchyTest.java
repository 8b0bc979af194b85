package ai.kaelio.ktx.adapters.cli.commandline;

import ai.kaelio.ktx.adapters.cli.command.CliHarness;
import ai.kaelio.ktx.adapters.cli.command.Commands;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

class CommandHierarchyTest {

    private final CommandLine.IFactory factory = new CliHarness().factory();

    private static final List<String> RUNTIME_COMMANDS = List.of("install", "status", "doctor", "prune", "exec", "env", "which", "start", "stop");

    @Test
    void wholeTreeHasEveryCommandInHelpOrder() {
        CommandLine ktx = CommandHierarchy.whole(Commands.TREE, factory);

        assertThat(ktx.getSubcommands().keySet()).containsExactly("runtime", "embed", "shell", "completion", "help");
        assertThat(ktx.getSubcommands().get("runtime").getSubcommands().keySet()).containsExactlyElementsOf(RUNTIME_COMMANDS);
    }

    @Test
    void runNamingARuntimeCommandBuildsOnlyItsBranch() {
        CommandLine ktx = CommandHierarchy.reachableBy(Commands.TREE, factory, "runtime", "status", "--json");

        assertThat(ktx.getSubcommands().keySet()).containsExactly("runtime");
        assertThat(ktx.getSubcommands().get("runtime").getSubcommands().keySet()).containsExactly("status");
    }

    @Test
    void everyOtherRunGetsTheWholeTree() {
        for (String[] args : new String[][] {{}, {"--help"}, {"runtime"}, {"runtime", "stat"}, {"runtime", "--help"},
                {"--stacktrace", "runtime", "status"}, {"help", "runtime", "status"}, {"completion", "bash"}, {"shell"}}) {
            assertThat(CommandHierarchy.reachableBy(Commands.TREE, factory, args).getSubcommands()).as(String.join(" ", args)).hasSize(5);
        }
    }

    static Stream<Arguments> runtimeCommands() {
        return RUNTIME_COMMANDS.stream().map(Arguments::of);
    }

    /** The branch must be the whole tree's model of that command: same help, options, inherited options and parser. */
    @ParameterizedTest
    @MethodSource("runtimeCommands")
    void branchModelsItsCommandExactlyAsTheWholeTreeDoes(String name) {
        CommandLine inWhole = CommandHierarchy.whole(Commands.TREE, factory).getSubcommands().get("runtime").getSubcommands().get(name);
        CommandLine inBranch = CommandHierarchy.reachableBy(Commands.TREE, factory, "runtime", name)
                .getSubcommands().get("runtime").getSubcommands().get(name);

        assertThat(inBranch.getUsageMessage(CommandLine.Help.Ansi.OFF)).isEqualTo(inWhole.getUsageMessage(CommandLine.Help.Ansi.OFF));
        assertThat(optionNames(inBranch)).isEqualTo(optionNames(inWhole)).contains("--stacktrace");
        assertThat(inBranch.getCommandSpec().qualifiedName()).isEqualTo("ktx runtime " + name);
        assertThat(inBranch.isStopAtPositional()).isEqualTo(inWhole.isStopAtPositional());
    }

    @Test
    void execStopsReadingOptionsAtTheCommandInBothTrees() {
        assertThat(CommandHierarchy.whole(Commands.TREE, factory).getSubcommands().get("runtime").getSubcommands().get("exec").isStopAtPositional()).isTrue();
        assertThat(CommandHierarchy.reachableBy(Commands.TREE, factory, "runtime", "exec").getSubcommands().get("runtime")
                .getSubcommands().get("exec").isStopAtPositional()).isTrue();
    }

    private static List<String> optionNames(CommandLine command) {
        return command.getCommandSpec().options().stream().map(OptionSpec::longestName).sorted().toList();
    }
}
