package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.application.port.in.StartDaemonUseCase;
import ai.kaelio.ktx.application.port.in.StartRequest;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

final class StartCommand implements Callable<Integer>, DeclaredCommand {

    static final String NAME = "start";

    private final FeatureOption features = new FeatureOption();
    private final ModelOption embeddingModel = new ModelOption();
    private final OptionSpec force = CommandModels.flag("--force", "Replace a running daemon even if it is healthy.");
    private final OptionSpec json = CommandModels.flag("--json",
            "Print the result as JSON (without the token: read it from the state file).");
    private final CommandSpec model;

    private final Provider<StartDaemonUseCase> start;
    private final InstallConsentOption consent;

    @Inject
    StartCommand(Provider<StartDaemonUseCase> start, InstallConsentOption consent) {
        this.start = start;
        this.consent = consent;
        this.model = CommandModels.command(this, NAME,
                "Start the KTX daemon on 127.0.0.1 (or reuse a healthy one) and print where it listens.",
                features.model(), embeddingModel.model(), consent.yes(), consent.noInput(), force, json);
    }

    @Override
    public CommandSpec model() {
        return model;
    }

    @Override
    public Integer call() throws Exception {
        var request = new StartRequest(features.toFeatureSet(), embeddingModel.name(), CommandModels.isSet(force), consent.consent(),
                consent.confirmation(), new WaitNotice(model.commandLine().getErr()));
        return new StartOutput(model.commandLine().getOut(), model.commandLine().getErr(), CommandModels.isSet(json))
                .print(start.get().start(request));
    }
}
