package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.application.port.in.DiagnoseRuntimeUseCase;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "doctor", mixinStandardHelpOptions = true, versionProvider = CliVersionProvider.class,
        description = "Check uv, Python, the bundled wheel and the runtime; exits 1 if any check fails.")
final class DoctorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the checks as JSON.")
    boolean json;

    private final Provider<DiagnoseRuntimeUseCase> diagnose;

    @Inject
    DoctorCommand(Provider<DiagnoseRuntimeUseCase> diagnose) {
        this.diagnose = diagnose;
    }

    @Override
    public Integer call() throws InterruptedException {
        return new DoctorOutput(spec.commandLine().getOut(), json).print(diagnose.get().diagnose());
    }
}
