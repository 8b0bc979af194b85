package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.application.port.in.StopDaemonUseCase;
import ai.kaelio.ktx.application.port.in.StopRequest;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "stop", mixinStandardHelpOptions = true, versionProvider = CliVersionProvider.class,
        description = "Stop the KTX daemon (gracefully, then by force) and remove its state.")
final class StopCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--all", description = "Also stop every other ktx-daemon of this user, recorded or not.")
    boolean all;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    private final Provider<StopDaemonUseCase> stop;

    @Inject
    StopCommand(Provider<StopDaemonUseCase> stop) {
        this.stop = stop;
    }

    @Override
    public Integer call() throws Exception {
        var request = new StopRequest(all, new WaitNotice(spec.commandLine().getErr()));
        return new StopOutput(spec.commandLine().getOut(), spec.commandLine().getErr(), json, all)
                .print(stop.get().stop(request));
    }
}
