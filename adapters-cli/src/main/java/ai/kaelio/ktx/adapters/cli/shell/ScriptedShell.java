package ai.kaelio.ktx.adapters.cli.shell;

import ai.kaelio.ktx.adapters.cli.terminal.ExitCodes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.jline.reader.Parser;
import org.jline.reader.SyntaxError;

/**
 * {@code ktx shell} with stdin not a terminal ({@code printf 'runtime status\n' | ktx shell}): one command
 * per line, nothing printed but what the commands print (no prompt, banner or escape codes), exit 0 at the
 * end of input. Blank lines and {@code #} comments are skipped. Ctrl-C stops the script with exit 130.
 */
public final class ScriptedShell {

    private final ShellSession session;
    private final InputStream stdin;
    private final PrintWriter err;
    private final Parser parser = ShellLineReaders.parser();

    public ScriptedShell(ShellSession session, InputStream stdin, PrintWriter err) {
        this.session = session;
        this.stdin = stdin;
        this.err = err;
    }

    public int run() {
        BlockingQueue<Optional<String>> lines = readInBackground();
        try {
            while (true) {
                Optional<String> line = lines.take();
                if (line.isEmpty()) {
                    return ExitCodes.OK;
                }
                ShellSession.Outcome outcome = runLine(line.get());
                if (outcome.exit()) {
                    return ExitCodes.OK;
                }
                if (outcome.code() == ExitCodes.INTERRUPTED) {
                    return ExitCodes.INTERRUPTED;
                }
            }
        } catch (InterruptedException e) {
            // Ctrl-C while waiting for the next line.
            return ExitCodes.INTERRUPTED;
        }
    }

    private ShellSession.Outcome runLine(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return ShellSession.Outcome.NOTHING;
        }
        try {
            return session.run(ShellLineReaders.words(parser.parse(line, line.length(), Parser.ParseContext.ACCEPT_LINE).words()));
        } catch (SyntaxError e) {
            err.println("Cannot read line '" + line + "': " + e.getMessage());
            err.flush();
            return new ShellSession.Outcome(false, ExitCodes.USAGE);
        }
    }

    /**
     * Reads stdin on a daemon thread: a blocking read of stdin cannot be interrupted, a queue can, so Ctrl-C
     * between two commands ends the shell at once. An empty element marks the end of input.
     */
    private BlockingQueue<Optional<String>> readInBackground() {
        BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(Optional.of(line));
                }
            } catch (IOException e) {
                err.println("Cannot read standard input: " + e.getMessage());
                err.flush();
            } finally {
                lines.add(Optional.empty());
            }
        }, "ktx-shell-stdin");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
