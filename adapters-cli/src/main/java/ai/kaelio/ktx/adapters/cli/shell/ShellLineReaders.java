package ai.kaelio.ktx.adapters.cli.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import picocli.CommandLine.Model.CommandSpec;

/** The shell's line reader: completion from the command model, a persistent bounded history, shell-like words. */
final class ShellLineReaders {

    /** Lines kept, in memory and in the file; enough for weeks of use, small enough to load instantly. */
    static final int HISTORY_SIZE = 1_000;

    private ShellLineReaders() {
    }

    /** The completion styles that colour; the selection's inverse video and the backgrounds are not listed. */
    private static final List<String> COLOURED_STYLES = List.of(
            LineReader.COMPLETION_STYLE_STARTING, LineReader.COMPLETION_STYLE_DESCRIPTION, LineReader.COMPLETION_STYLE_GROUP,
            LineReader.COMPLETION_STYLE_LIST_STARTING, LineReader.COMPLETION_STYLE_LIST_DESCRIPTION,
            LineReader.COMPLETION_STYLE_LIST_GROUP, LineReader.COMPLETION_STYLE_LIST_BACKGROUND);

    static LineReader create(Terminal terminal, CommandSpec root, Optional<Path> historyFile) {
        return create(terminal, root, historyFile, true);
    }

    static LineReader create(Terminal terminal, CommandSpec root, Optional<Path> historyFile, boolean colour) {
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .appName("ktx")
                .terminal(terminal)
                .completer(new ShellCompleter(root))
                .parser(parser())
                // '!' belongs to the commands' arguments (exec's Python code, say), not to history expansion.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.HISTORY_IGNORE_DUPS, true)
                .variable(LineReader.HISTORY_SIZE, HISTORY_SIZE)
                .variable(LineReader.HISTORY_FILE_SIZE, HISTORY_SIZE);
        historyFile.ifPresent(file -> builder.variable(LineReader.HISTORY_FILE, file));
        if (!colour) {
            // NO_COLOR: the terminal's own colours (JLine takes a style that amounts to nothing for "use the default").
            COLOURED_STYLES.forEach(style -> builder.variable(style, style.endsWith("BACKGROUND") ? "bg:default" : "fg:default"));
        }
        return builder.build();
    }

    /** Splits lines into words as a POSIX shell would (quotes, backslash escapes), for both front ends alike. */
    static Parser parser() {
        return new DefaultParser();
    }

    /** The words of a line; the empty word that a trailing space leaves is no argument. */
    static List<String> words(List<String> parsed) {
        return parsed.stream().filter(word -> !word.isEmpty()).toList();
    }
}
