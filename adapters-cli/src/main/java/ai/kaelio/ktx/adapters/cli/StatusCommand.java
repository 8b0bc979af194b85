package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.application.port.in.InspectDaemonUseCase;
import ai.kaelio.ktx.application.port.in.InspectRuntimeUseCase;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = CliVersionProvider.class,
        description = "Show the runtime's state without changing or starting anything (always exits 0).")
final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    private final Provider<InspectRuntimeUseCase> inspect;
    private final Provider<InspectDaemonUseCase> daemon;

    @Inject
    StatusCommand(Provider<InspectRuntimeUseCase> inspect, Provider<InspectDaemonUseCase> daemon) {
        this.inspect = inspect;
        this.daemon = daemon;
    }

    @Override
    public Integer call() {
        return new StatusOutput(spec.commandLine().getOut(), json).print(inspect.get().inspect(), daemon.get().inspect());
    }
}
