package ai.kaelio.ktx.adapters.cli.command;

import ai.kaelio.ktx.adapters.cli.commandline.CommandModels;
import ai.kaelio.ktx.adapters.cli.commandline.DeclaredCommand;
import ai.kaelio.ktx.adapters.cli.output.DoctorOutput;
import ai.kaelio.ktx.application.port.in.DiagnoseRuntimeUseCase;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

final class DoctorCommand implements Callable<Integer>, DeclaredCommand {

    static final String NAME = "doctor";

    private final JsonOption json = new JsonOption("Print the checks as JSON.");
    private final CommandSpec model = CommandModels.command(this, NAME,
            "Check uv, Python, the bundled wheel and the runtime; exits 1 if any check fails.", json.model());

    private final Provider<DiagnoseRuntimeUseCase> diagnose;

    @Inject
    DoctorCommand(Provider<DiagnoseRuntimeUseCase> diagnose) {
        this.diagnose = diagnose;
    }

    @Override
    public CommandSpec model() {
        return model;
    }

    @Override
    public Integer call() throws InterruptedException {
        return new DoctorOutput(model.commandLine().getOut(), json.isSet()).print(diagnose.get().diagnose());
    }
}
