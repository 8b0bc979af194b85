package ai.kaelio.ktx.archfixtures.adapters.process;

import org.jline.standin.LineReader;

/** Broken on purpose (jlineOnlyInAdaptersCli): a process adapter talking to the terminal. */
final class TerminalProbe {

    boolean confirm(LineReader reader) {
        return "y".equals(reader.readLine("kill the daemon? "));
    }
}
