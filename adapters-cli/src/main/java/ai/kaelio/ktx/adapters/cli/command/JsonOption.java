package ai.kaelio.ktx.adapters.cli.command;

import ai.kaelio.ktx.adapters.cli.commandline.CommandModels;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --json}: the result as the contract's JSON document instead of text; each command says what it prints. */
final class JsonOption {

    private final OptionSpec option;

    JsonOption(String description) {
        this.option = CommandModels.flag("--json", description);
    }

    OptionSpec model() {
        return option;
    }

    boolean isSet() {
        return CommandModels.isSet(option);
    }
}
