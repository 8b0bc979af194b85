package ai.kaelio.ktx.adapters.cli.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.jline.reader.LineReader;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ktx shell} for a person at a terminal: the JLine system terminal around the {@link ShellLoop}. */
public final class InteractiveShell {

    private final ShellSession session;
    private final CommandSpec root;
    private final Path historyFile;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean colour;

    public InteractiveShell(ShellSession session, CommandSpec root, Path historyFile, PrintWriter out, PrintWriter err,
            boolean colour) {
        this.session = session;
        this.root = root;
        this.historyFile = historyFile;
        this.out = out;
        this.err = err;
        this.colour = colour;
    }

    public int run(String version) throws IOException {
        // dumb(true): where no real terminal can be had (TERM=dumb, say), a plain one is fine and needs no warning.
        try (Terminal terminal = TerminalBuilder.builder().name("ktx").system(true).dumb(true).build()) {
            if (terminal.getWidth() <= 0 || terminal.getHeight() <= 0) {
                // A pseudo-terminal that nobody sized (script(1) fed by a pipe, some CI runners) has 0 columns,
                // in which the reader can draw no prompt.
                terminal.setSize(new Size(80, 24));
            }
            LineReader reader = ShellLineReaders.create(terminal, root, usableHistory(), colour);
            out.println("ktx " + version + " shell. Type 'help' for commands, 'exit' or Ctrl-D to leave.");
            out.flush();
            return new ShellLoop(reader, session).run();
        }
    }

    /** The history file, created private to the user; none (history for this session only) if it cannot be written. */
    private Optional<Path> usableHistory() {
        try {
            Files.createDirectories(historyFile.getParent());
            if (Files.notExists(historyFile)) {
                Files.createFile(historyFile);
                if (historyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    // Lines may hold paths and arguments the user would rather keep to themselves.
                    Files.setPosixFilePermissions(historyFile, PosixFilePermissions.fromString("rw-------"));
                }
            }
            if (Files.isWritable(historyFile)) {
                return Optional.of(historyFile);
            }
        } catch (IOException e) {
            // fall through to the warning
        }
        err.println("Shell history is not saved: cannot write " + historyFile + ".");
        err.flush();
        return Optional.empty();
    }
}
