package ai.kaelio.ktx.adapters.cli.command;

import ai.kaelio.ktx.adapters.cli.commandline.CommandModels;
import ai.kaelio.ktx.adapters.cli.commandline.DeclaredCommand;
import ai.kaelio.ktx.adapters.cli.output.ExecOutput;
import ai.kaelio.ktx.adapters.cli.terminal.InstallNotice;
import ai.kaelio.ktx.application.port.in.EnsureRequest;
import ai.kaelio.ktx.application.port.in.ExecInRuntimeUseCase;
import ai.kaelio.ktx.application.port.in.ExecRequest;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

final class ExecCommand implements Callable<Integer>, DeclaredCommand {

    static final String NAME = "exec";

    private final ChoiceOption<Feature> features = RuntimeOptions.features();
    private final PositionalParamSpec command = CommandModels.words("1..*", "COMMAND",
            "The program (found in the runtime's bin, then on PATH) and its arguments, best after --.");
    private final CommandSpec model;

    private final Provider<ExecInRuntimeUseCase> exec;
    private final InstallConsentOption consent;

    @Inject
    ExecCommand(Provider<ExecInRuntimeUseCase> exec, InstallConsentOption consent) {
        this.exec = exec;
        this.consent = consent;
        this.model = CommandModels.command(this, NAME,
                "Run a command inside the runtime (its bin first on PATH, VIRTUAL_ENV set), installing it on demand.",
                consent.yes(), consent.noInput(), features.model(), command);
        model.usageMessage().footer("", "Exits with the command's exit code; 127 if the command is not found; 1 if the "
                + "runtime is not ready and may not be installed; 2 on a usage error.");
        // exec python -V as well as exec -- python -V: the command's own options are not ktx's.
        model.parser().stopAtPositional(true);
    }

    @Override
    public CommandSpec model() {
        return model;
    }

    @Override
    public Integer call() throws Exception {
        var err = model.commandLine().getErr();
        var request = new ExecRequest(CommandModels.valuesOf(command),
                new EnsureRequest(FeatureSet.of(features.values()), consent.consent(), consent.confirmation(), new InstallNotice(err)));
        // Anything ktx has written must be out before the child writes to the same streams.
        model.commandLine().getOut().flush();
        err.flush();
        return new ExecOutput(err).print(exec.get().exec(request));
    }
}
