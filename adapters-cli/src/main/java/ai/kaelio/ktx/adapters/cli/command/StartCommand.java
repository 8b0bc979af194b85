package ai.kaelio.ktx.adapters.cli.command;

import ai.kaelio.ktx.adapters.cli.commandline.CommandModels;
import ai.kaelio.ktx.adapters.cli.commandline.DeclaredCommand;
import ai.kaelio.ktx.adapters.cli.output.StartOutput;
import ai.kaelio.ktx.adapters.cli.terminal.WaitNotice;
import ai.kaelio.ktx.application.port.in.StartDaemonUseCase;
import ai.kaelio.ktx.application.port.in.StartRequest;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

final class StartCommand implements Callable<Integer>, DeclaredCommand {

    static final String NAME = "start";

    private final ChoiceOption<Feature> features = RuntimeOptions.features();
    private final ModelOption embeddingModel = new ModelOption();
    private final OptionSpec force = CommandModels.flag("--force", "Replace a running daemon even if it is healthy.");
    private final JsonOption json = new JsonOption("Print the result as JSON (without the token: read it from the state file).");
    private final CommandSpec model;

    private final Provider<StartDaemonUseCase> start;
    private final InstallConsentOption consent;

    @Inject
    StartCommand(Provider<StartDaemonUseCase> start, InstallConsentOption consent) {
        this.start = start;
        this.consent = consent;
        this.model = CommandModels.command(this, NAME,
                "Start the KTX daemon on 127.0.0.1 (or reuse a healthy one) and print where it listens.",
                features.model(), embeddingModel.model(), consent.yes(), consent.noInput(), force, json.model());
    }

    @Override
    public CommandSpec model() {
        return model;
    }

    @Override
    public Integer call() throws Exception {
        var request = new StartRequest(FeatureSet.of(features.values()), embeddingModel.name(), CommandModels.isSet(force), consent.consent(),
                consent.confirmation(), new WaitNotice(model.commandLine().getErr()));
        return new StartOutput(model.commandLine().getOut(), model.commandLine().getErr(), json.isSet())
                .print(start.get().start(request));
    }
}
