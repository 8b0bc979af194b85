package ai.kaelio.ktx.archfixtures.adapters.cli.output;

import ai.kaelio.ktx.archfixtures.adapters.cli.command.ListCommand;

/** Broken: an output calling back into a command. */
final class CommandReachingOutput {

    private CommandReachingOutput() {
    }

    static int rerun() {
        return ListCommand.run();
    }
}
