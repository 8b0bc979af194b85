package ai.kaelio.ktx.archfixtures.adapters.cli;

import org.jline.standin.LineReader;

final class ShellPrompt {

    String ask(LineReader reader) {
        return reader.readLine("ktx> ");
    }
}
