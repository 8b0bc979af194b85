package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.application.port.in.EnsureRequest;
import ai.kaelio.ktx.application.port.in.ExecInRuntimeUseCase;
import ai.kaelio.ktx.application.port.in.ExecRequest;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "exec", mixinStandardHelpOptions = true, versionProvider = CliVersionProvider.class,
        modelTransformer = ExecCommand.OptionsEndAtTheCommand.class,
        description = "Run a command inside the runtime (its bin first on PATH, VIRTUAL_ENV set), installing it on demand.",
        footer = {"", "Exits with the command's exit code; 127 if the command is not found; 1 if the runtime is not ready "
                + "and may not be installed; 2 on a usage error."})
final class ExecCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InstallConsentOption consent;

    @Mixin
    FeatureOption features;

    @Parameters(arity = "1..*", paramLabel = "COMMAND",
            description = "The program (found in the runtime's bin, then on PATH) and its arguments, best after --.")
    List<String> command = new ArrayList<>();

    private final Provider<ExecInRuntimeUseCase> exec;

    @Inject
    ExecCommand(Provider<ExecInRuntimeUseCase> exec) {
        this.exec = exec;
    }

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        var request = new ExecRequest(command,
                new EnsureRequest(features.toFeatureSet(), consent.consent(), consent.confirmation(), new InstallNotice(err)));
        // Anything ktx has written must be out before the child writes to the same streams.
        spec.commandLine().getOut().flush();
        err.flush();
        return new ExecOutput(err).print(exec.get().exec(request));
    }

    /** {@code exec python -V} as well as {@code exec -- python -V}: the command's own options are not ktx's. */
    static final class OptionsEndAtTheCommand implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            spec.parser().stopAtPositional(true);
            return spec;
        }
    }
}
