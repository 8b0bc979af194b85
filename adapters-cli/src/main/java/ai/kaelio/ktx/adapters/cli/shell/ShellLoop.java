package ai.kaelio.ktx.adapters.cli.shell;

import ai.kaelio.ktx.adapters.cli.terminal.ExitCodes;
import java.io.IOException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.Terminal;

/**
 * Prompt, read, run, repeat, until {@code exit}, {@code quit} or Ctrl-D. At the prompt Ctrl-C clears the
 * line (JLine's reader handles it); while a command runs, Ctrl-C interrupts the shell's thread, which
 * cancels the command the way terminal mode's handler does, and the prompt comes back.
 */
final class ShellLoop {

    static final String PROMPT = "ktx> ";

    private final LineReader reader;
    private final ShellSession session;

    ShellLoop(LineReader reader, ShellSession session) {
        this.reader = reader;
        this.session = session;
    }

    int run() {
        Terminal terminal = reader.getTerminal();
        Thread shell = Thread.currentThread();
        Terminal.SignalHandler previous = terminal.handle(Signal.INT, signal -> shell.interrupt());
        try {
            while (true) {
                // A Ctrl-C that arrived as a command ended must not cancel the next one.
                Thread.interrupted();
                String line;
                try {
                    line = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return ExitCodes.OK;
                }
                if (line != null && session.run(ShellLineReaders.words(reader.getParsedLine().words())).exit()) {
                    return ExitCodes.OK;
                }
            }
        } finally {
            Thread.interrupted();
            terminal.handle(Signal.INT, previous);
            saveHistory();
        }
    }

    private void saveHistory() {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            // Each line was already appended as it was entered; a failed final save loses nothing.
        }
    }
}
