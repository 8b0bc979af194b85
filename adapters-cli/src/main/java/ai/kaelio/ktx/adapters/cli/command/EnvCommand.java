package ai.kaelio.ktx.adapters.cli.command;

import ai.kaelio.ktx.adapters.cli.commandline.CommandModels;
import ai.kaelio.ktx.adapters.cli.commandline.DeclaredCommand;
import ai.kaelio.ktx.adapters.cli.output.RuntimeUnavailableOutput;
import ai.kaelio.ktx.adapters.cli.output.ShellSyntax;
import ai.kaelio.ktx.adapters.cli.terminal.ExitCodes;
import ai.kaelio.ktx.adapters.cli.terminal.InstallNotice;
import ai.kaelio.ktx.application.port.in.ActivateRuntimeUseCase;
import ai.kaelio.ktx.application.port.in.ActivationResult;
import ai.kaelio.ktx.application.port.in.Confirmation;
import ai.kaelio.ktx.application.port.in.EnsureRequest;
import ai.kaelio.ktx.application.port.in.InstallConsent;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.HostEnvironment;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * {@code ktx runtime env}: hands the runtime to the user's shell once, instead of a JVM start per use
 * ({@code eval "$(ktx runtime env)"}, as conda's and poetry's hooks do). Stdout holds the script alone.
 */
final class EnvCommand implements Callable<Integer>, DeclaredCommand {

    static final String NAME = "env";

    private final ChoiceOption<ShellSyntax> shell = ChoiceOption.single("--shell", "SHELL", ShellSyntax.class,
            ShellSyntax::parse, ShellSyntax::id, "Whose syntax: ${COMPLETION-CANDIDATES} (default: from $SHELL, else bash).");
    private final JsonOption json = new JsonOption("Print the variables as JSON (same as --shell json).");
    private final OptionSpec yes = CommandModels.flag("--yes", "Install (or repair) the runtime first if it is needed.");
    private final CommandSpec model = CommandModels.command(this, NAME,
            "Print shell code that activates the runtime as exec sets it up: eval \"$(ktx runtime env)\".",
            shell.model(), json.model(), yes);

    private final Provider<ActivateRuntimeUseCase> activate;
    private final Provider<HostEnvironment> host;

    @Inject
    EnvCommand(Provider<ActivateRuntimeUseCase> activate, Provider<HostEnvironment> host) {
        this.activate = activate;
        this.host = host;
        model.usageMessage().footer("", "It puts the runtime's bin first on PATH, sets VIRTUAL_ENV and unsets PYTHONHOME. "
                + "In fish: ktx runtime env --shell fish | source. Never installs without --yes: a runtime that is not "
                + "ready exits 1 with the command that installs it.");
    }

    @Override
    public CommandSpec model() {
        return model;
    }

    @Override
    public Integer call() throws Exception {
        ShellSyntax syntax = syntax();
        var out = model.commandLine().getOut();
        var err = model.commandLine().getErr();
        var request = new EnsureRequest(FeatureSet.core(), CommandModels.isSet(yes) ? InstallConsent.YES : InstallConsent.NEVER,
                Confirmation.NOBODY, new InstallNotice(err));
        ActivationResult result = activate.get().activate(request);
        if (result instanceof ActivationResult.Activated activated) {
            out.print(syntax.render(activated.activation()));
            out.flush();
            return ExitCodes.OK;
        }
        if (result instanceof ActivationResult.RuntimeUnavailable unavailable) {
            // Stdout is what the shell evaluates: every word about the runtime goes to stderr.
            return RuntimeUnavailableOutput.print(unavailable.reason(), err, err);
        }
        throw new AssertionError(result);
    }

    /** {@code --json} is {@code --shell json}; with another shell it is a contradiction, not a choice. */
    private ShellSyntax syntax() {
        Optional<ShellSyntax> chosen = shell.value();
        if (json.isSet()) {
            if (chosen.isPresent() && chosen.get() != ShellSyntax.JSON) {
                throw new ParameterException(model.commandLine(),
                        "Choose one output: --json or --shell " + chosen.get().id());
            }
            return ShellSyntax.JSON;
        }
        return chosen.orElseGet(() -> ShellSyntax.ofLoginShell(host.get().variable("SHELL")));
    }
}
