package ai.kaelio.ktx.adapters.cli.shell;

import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.shell.jline3.PicocliJLineCompleter;

/**
 * Tab completion from the command model itself (picocli's completion over the same tree that runs the
 * commands), so commands, subcommands, options and option values that anyone adds complete with no list
 * to keep. Only the shell's own words, {@code exit} and {@code quit}, are added here.
 */
final class ShellCompleter implements Completer {

    private static final List<String> SHELL_WORDS = List.of("exit", "quit");

    private final Completer model;

    ShellCompleter(CommandSpec root) {
        this.model = new PicocliJLineCompleter(root);
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        model.complete(reader, line, candidates);
        if (line.wordIndex() == 0) {
            SHELL_WORDS.forEach(word -> candidates.add(new Candidate(word)));
        }
    }
}
