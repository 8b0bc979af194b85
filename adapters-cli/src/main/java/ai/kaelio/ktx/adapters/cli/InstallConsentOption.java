package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.application.port.in.InstallConsent;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --yes | --no-input}: the one install-consent policy of every command that needs the runtime. */
final class InstallConsentOption {

    static final String BOTH = "Choose only one runtime install mode: --yes or --no-input";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--yes", description = "Install (or repair) the runtime without asking if it is needed.")
    boolean yes;

    @Option(names = "--no-input", description = "Never ask and never install; fail if the runtime is not ready.")
    boolean noInput;

    /** @throws ParameterException (a usage error, exit 2) when both are given */
    InstallConsent consent() {
        if (yes && noInput) {
            throw new ParameterException(mixee.commandLine(), BOTH);
        }
        return yes ? InstallConsent.YES : noInput ? InstallConsent.NEVER : InstallConsent.ASK;
    }
}
