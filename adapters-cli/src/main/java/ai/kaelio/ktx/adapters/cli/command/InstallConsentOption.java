package ai.kaelio.ktx.adapters.cli.command;

import ai.kaelio.ktx.adapters.cli.commandline.CommandModels;
import ai.kaelio.ktx.adapters.cli.terminal.ConsoleConfirmation;
import ai.kaelio.ktx.application.port.in.Confirmation;
import ai.kaelio.ktx.application.port.in.InstallConsent;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code --yes | --no-input}: the one install-consent policy of every command that needs the runtime,
 * and whom to ask when neither is given (the terminal, if there is one).
 */
public final class InstallConsentOption {

    static final String BOTH = "Choose only one runtime install mode: --yes or --no-input";

    private final OptionSpec yes =
            CommandModels.flag("--yes", "Install (or repair) the runtime without asking if it is needed.");
    private final OptionSpec noInput =
            CommandModels.flag("--no-input", "Never ask and never install; fail if the runtime is not ready.");
    private final Supplier<Confirmation> confirmation;

    /** Production: ask on the terminal. */
    @Inject
    InstallConsentOption() {
        this(ConsoleConfirmation::ofSystemConsole);
    }

    /** Tests answer the question themselves. */
    InstallConsentOption(Supplier<Confirmation> confirmation) {
        this.confirmation = confirmation;
    }

    OptionSpec yes() {
        return yes;
    }

    OptionSpec noInput() {
        return noInput;
    }

    /** @throws ParameterException (a usage error, exit 2) when both are given */
    InstallConsent consent() {
        boolean always = CommandModels.isSet(yes);
        boolean never = CommandModels.isSet(noInput);
        if (always && never) {
            throw new ParameterException(yes.command().commandLine(), BOTH);
        }
        return always ? InstallConsent.YES : never ? InstallConsent.NEVER : InstallConsent.ASK;
    }

    /** Looked up only when asked for, so {@code --yes} and {@code --no-input} never touch the terminal. */
    Confirmation confirmation() {
        return question -> confirmation.get().ask(question);
    }
}
