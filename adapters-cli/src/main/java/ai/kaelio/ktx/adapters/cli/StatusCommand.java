package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.application.port.in.InspectDaemonUseCase;
import ai.kaelio.ktx.application.port.in.InspectRuntimeUseCase;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

final class StatusCommand implements Callable<Integer>, DeclaredCommand {

    static final String NAME = "status";

    private final OptionSpec json = CommandModels.flag("--json", "Print the status as JSON.");
    private final CommandSpec model = CommandModels.command(this, NAME,
            "Show the runtime's state without changing or starting anything (always exits 0).", json);

    private final Provider<InspectRuntimeUseCase> inspect;
    private final Provider<InspectDaemonUseCase> daemon;

    @Inject
    StatusCommand(Provider<InspectRuntimeUseCase> inspect, Provider<InspectDaemonUseCase> daemon) {
        this.inspect = inspect;
        this.daemon = daemon;
    }

    @Override
    public CommandSpec model() {
        return model;
    }

    @Override
    public Integer call() {
        return new StatusOutput(model.commandLine().getOut(), CommandModels.isSet(json))
                .print(inspect.get().inspect(), daemon.get().inspect());
    }
}
