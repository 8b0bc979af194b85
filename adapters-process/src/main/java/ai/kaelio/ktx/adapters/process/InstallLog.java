package ai.kaelio.ktx.adapters.process;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code install.log}: every command as {@code $ command args…} followed by its stdout and stderr,
 * flushed line by line so that even a killed install leaves a useful log.
 */
final class InstallLog implements Closeable {

    private final BufferedWriter writer;

    private InstallLog(BufferedWriter writer) {
        this.writer = writer;
    }

    static InstallLog create(Path path) throws IOException {
        Files.createDirectories(path.getParent());
        return new InstallLog(Files.newBufferedWriter(path, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
    }

    synchronized void note(String text) {
        line("# " + text);
    }

    synchronized void command(List<String> command) {
        line("$ " + render(command));
    }

    synchronized void line(String text) {
        try {
            writer.write(text);
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            // A log that cannot be written must not fail the install it describes.
        }
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            // Nothing more to record.
        }
    }

    /**
     * Shell-like rendering for people reading the log; commands themselves never pass through a shell.
     * Always one line, so that every command in the log is exactly one {@code $ } line.
     */
    static String render(List<String> command) {
        return command.stream().map(InstallLog::quote).collect(Collectors.joining(" "));
    }

    private static String quote(String argument) {
        if (!argument.isEmpty() && argument.chars().allMatch(c -> Character.isLetterOrDigit(c) || "-_./=:@%+,[]".indexOf(c) >= 0)) {
            return argument;
        }
        if (argument.chars().anyMatch(Character::isISOControl)) {
            return ansiQuote(argument);
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }

    /** bash's {@code $'…'}, which can spell a newline (a multi-line {@code python -c} script) on one line. */
    private static String ansiQuote(String argument) {
        StringBuilder quoted = new StringBuilder("$'");
        argument.chars().forEach(c -> {
            switch (c) {
                case '\\' -> quoted.append("\\\\");
                case '\'' -> quoted.append("\\'");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (Character.isISOControl(c)) {
                        quoted.append(String.format(c < 0x80 ? "\\x%02x" : "\\u%04x", c));
                    } else {
                        quoted.append((char) c);
                    }
                }
            }
        });
        return quoted.append('\'').toString();
    }
}
