package ai.kaelio.ktx.archfixtures.adapters.cli.terminal;

import ai.kaelio.ktx.archfixtures.adapters.cli.output.ListOutput;

/** Broken: the terminal, which every part stands on, standing on an output. */
final class OutputReachingTerminal {

    private OutputReachingTerminal() {
    }

    static String title() {
        return ListOutput.render(0);
    }
}
