package ai.kaelio.ktx.adapters.cli.shell;

import ai.kaelio.ktx.adapters.cli.command.Commands;
import ai.kaelio.ktx.adapters.cli.commandline.CommandLines;
import static org.assertj.core.api.Assertions.assertThat;

import ai.kaelio.ktx.adapters.cli.command.CliHarness;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/** Tab completion, asked the way JLine asks: a line parsed up to the cursor. */
class ShellCompleterTest {

    private final CommandSpec tree = CommandLines.whole(Commands.TREE, new CliHarness().factory(),
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())).getCommandSpec();

    @Test
    void firstWordCompletesToTheTopLevelCommandsAndTheShellsOwnWords() {
        assertThat(matches("")).contains("runtime", "shell", "completion", "help", "exit", "quit");
        assertThat(matches("ru")).containsExactly("runtime");
        assertThat(matches("q")).containsExactly("quit");
    }

    @Test
    void subcommandsCompleteBeneathTheirParent() {
        assertThat(matches("runtime stat")).containsExactly("status");
        assertThat(matches("runtime sta")).containsExactlyInAnyOrder("start", "status");
        assertThat(matches("runtime ")).contains("install", "status", "doctor", "prune").doesNotContain("exit", "runtime");
    }

    @Test
    void optionsCompleteForTheCommandBeingTyped() {
        assertThat(matches("runtime install --f")).containsExactlyInAnyOrder("--feature", "--force");
        assertThat(matches("runtime status --")).contains("--json", "--help", "--stacktrace").doesNotContain("--force");
    }

    @Test
    void optionValuesCompleteFromTheOptionsOwnCandidates() {
        assertThat(matches("runtime install --feature ")).containsExactly("core", "local-embeddings");
        assertThat(matches("runtime install --provisioner ")).containsExactlyInAnyOrder("auto", "uv", "venv");
        assertThat(matches("runtime install --force --provisioner v")).containsExactly("venv");
        assertThat(matches("completion ")).contains("bash", "zsh");
        assertThat(matches("completion z")).containsExactly("zsh");
    }

    @Test
    void embedsOptionsAndFormatsComplete() {
        assertThat(matches("em")).containsExactly("embed");
        assertThat(matches("embed --")).contains("--model", "--input", "--format", "--batch-size", "--yes", "--no-input");
        assertThat(matches("embed --format ")).containsExactlyInAnyOrder("jsonl", "json");
        assertThat(matches("runtime start --m")).containsExactly("--model");
    }

    @Test
    void envAndWhichAndTheShellsOfEnvComplete() {
        assertThat(matches("runtime e")).containsExactlyInAnyOrder("exec", "env");
        assertThat(matches("runtime w")).containsExactly("which");
        assertThat(matches("runtime env --")).contains("--shell", "--json", "--yes").doesNotContain("--no-input");
        assertThat(matches("runtime env --shell ")).containsExactlyInAnyOrder("bash", "zsh", "fish", "powershell", "cmd", "json");
        assertThat(matches("runtime env --shell f")).containsExactly("fish");
    }

    @Test
    void aCommandAddedToTheTreeCompletesWithoutTouchingTheCompleter() {
        CommandSpec upgrade = CommandSpec.create().addOption(OptionSpec.builder("--dry-run").type(boolean.class).build());
        tree.subcommands().get("runtime").getCommandSpec().addSubcommand("upgrade", new CommandLine(upgrade));

        assertThat(matches("runtime up")).containsExactly("upgrade");
        assertThat(matches("runtime upgrade --dr")).containsExactly("--dry-run");
    }

    /** The candidates JLine would offer: completion's values, narrowed to the word typed so far. */
    private List<String> matches(String typed) {
        ParsedLine line = ShellLineReaders.parser().parse(typed, typed.length(), Parser.ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        new ShellCompleter(tree).complete(null, line, candidates);
        return candidates.stream().map(Candidate::value).filter(value -> value.startsWith(line.word())).toList();
    }
}
