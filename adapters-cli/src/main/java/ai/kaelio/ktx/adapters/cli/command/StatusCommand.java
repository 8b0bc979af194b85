package ai.kaelio.ktx.adapters.cli.command;

import ai.kaelio.ktx.adapters.cli.commandline.CommandModels;
import ai.kaelio.ktx.adapters.cli.commandline.DeclaredCommand;
import ai.kaelio.ktx.adapters.cli.output.StatusOutput;
import ai.kaelio.ktx.application.port.in.InspectDaemonUseCase;
import ai.kaelio.ktx.application.port.in.InspectEmbeddingModelUseCase;
import ai.kaelio.ktx.application.port.in.InspectRuntimeUseCase;
import ai.kaelio.ktx.domain.DaemonRecord;
import ai.kaelio.ktx.domain.DaemonState;
import ai.kaelio.ktx.domain.EmbeddingModelStatus;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.RuntimeStatus;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

final class StatusCommand implements Callable<Integer>, DeclaredCommand {

    static final String NAME = "status";

    private final JsonOption json = new JsonOption("Print the status as JSON.");
    private final CommandSpec model = CommandModels.command(this, NAME,
            "Show the runtime's state without changing or starting anything (always exits 0).", json.model());

    private final Provider<InspectRuntimeUseCase> inspect;
    private final Provider<InspectDaemonUseCase> daemon;
    private final Provider<InspectEmbeddingModelUseCase> embeddingModel;

    @Inject
    StatusCommand(Provider<InspectRuntimeUseCase> inspect, Provider<InspectDaemonUseCase> daemon,
            Provider<InspectEmbeddingModelUseCase> embeddingModel) {
        this.inspect = inspect;
        this.daemon = daemon;
        this.embeddingModel = embeddingModel;
    }

    @Override
    public CommandSpec model() {
        return model;
    }

    @Override
    public Integer call() throws InterruptedException {
        RuntimeStatus runtime = inspect.get().inspect();
        DaemonState daemonState = daemon.get().inspect();
        Optional<EmbeddingModelStatus> embeddings = usesEmbeddings(runtime, daemonState)
                ? Optional.of(embeddingModel.get().inspect(daemonState)) : Optional.empty();
        return new StatusOutput(model.commandLine().getOut(), json.isSet()).print(runtime, daemonState, embeddings);
    }

    /** The model is shown where embeddings are installed or served; a core-only runtime has no use for it. */
    private static boolean usesEmbeddings(RuntimeStatus runtime, DaemonState daemon) {
        return runtime.manifest().map(manifest -> manifest.features().contains(Feature.LOCAL_EMBEDDINGS)).orElse(false)
                || daemon.record().flatMap(DaemonRecord::model).isPresent();
    }
}
