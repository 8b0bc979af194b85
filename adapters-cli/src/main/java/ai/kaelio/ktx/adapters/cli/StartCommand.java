package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.application.port.in.StartDaemonUseCase;
import ai.kaelio.ktx.application.port.in.StartRequest;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "start", mixinStandardHelpOptions = true, versionProvider = CliVersionProvider.class,
        description = "Start the KTX daemon on 127.0.0.1 (or reuse a healthy one) and print where it listens.")
final class StartCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FeatureOption features;

    @Mixin
    InstallConsentOption consent;

    @Option(names = "--force", description = "Replace a running daemon even if it is healthy.")
    boolean force;

    @Option(names = "--json", description = "Print the result as JSON (without the token: read it from the state file).")
    boolean json;

    private final Provider<StartDaemonUseCase> start;

    @Inject
    StartCommand(Provider<StartDaemonUseCase> start) {
        this.start = start;
    }

    @Override
    public Integer call() throws Exception {
        var request = new StartRequest(features.toFeatureSet(), force, consent.consent(),
                ConsoleConfirmation.ofSystemConsole(), new WaitNotice(spec.commandLine().getErr()));
        return new StartOutput(spec.commandLine().getOut(), spec.commandLine().getErr(), json)
                .print(start.get().start(request));
    }
}
