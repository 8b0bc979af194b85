package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.application.port.in.Confirmation;
import ai.kaelio.ktx.application.port.in.InstallConsent;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --yes | --no-input}: the one install-consent policy of every command that needs the runtime,
 * and whom to ask when neither is given (the terminal, if there is one).
 */
final class InstallConsentOption {

    static final String BOTH = "Choose only one runtime install mode: --yes or --no-input";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--yes", description = "Install (or repair) the runtime without asking if it is needed.")
    boolean yes;

    @Option(names = "--no-input", description = "Never ask and never install; fail if the runtime is not ready.")
    boolean noInput;

    private final Supplier<Confirmation> confirmation;

    /** picocli builds the mixin this way: ask on the terminal. */
    InstallConsentOption() {
        this(ConsoleConfirmation::ofSystemConsole);
    }

    /** Tests answer the question themselves. */
    InstallConsentOption(Supplier<Confirmation> confirmation) {
        this.confirmation = confirmation;
    }

    /** @throws ParameterException (a usage error, exit 2) when both are given */
    InstallConsent consent() {
        if (yes && noInput) {
            throw new ParameterException(mixee.commandLine(), BOTH);
        }
        return yes ? InstallConsent.YES : noInput ? InstallConsent.NEVER : InstallConsent.ASK;
    }

    /** Looked up only when asked for, so {@code --yes} and {@code --no-input} never touch the terminal. */
    Confirmation confirmation() {
        return question -> confirmation.get().ask(question);
    }
}
