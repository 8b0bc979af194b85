package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.application.port.in.InspectEmbeddingModelUseCase;
import ai.kaelio.ktx.application.port.out.DaemonClient;
import ai.kaelio.ktx.application.port.out.ModelFiles;
import ai.kaelio.ktx.domain.DaemonState;
import ai.kaelio.ktx.domain.EmbeddingModelSetting;
import ai.kaelio.ktx.domain.EmbeddingModelStatus;
import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.ServedModel;
import java.util.Optional;

/**
 * The model by embed's own rule: {@code KTX_EMBEDDING_MODEL} when set, else the running daemon's, else
 * the default. Its files are looked up on disk; the daemon is asked (one loopback request) only when it
 * runs and serves that model, so a status without a daemon makes no request.
 */
public final class InspectEmbeddingModelService implements InspectEmbeddingModelUseCase {

    private final HostEnvironment host;
    private final ModelFiles files;
    private final DaemonClient client;

    public InspectEmbeddingModelService(HostEnvironment host, ModelFiles files, DaemonClient client) {
        this.host = host;
        this.files = files;
        this.client = client;
    }

    @Override
    public EmbeddingModelStatus inspect(DaemonState daemon) throws InterruptedException {
        return inspect(daemon, Optional.empty());
    }

    /** As {@link #inspect(DaemonState)}, with the running daemon's health when the caller has just asked for it (doctor). */
    EmbeddingModelStatus inspect(DaemonState daemon, Optional<DaemonClient.Health> known) throws InterruptedException {
        Optional<String> running = daemon instanceof DaemonState.Running live ? live.daemon().model() : Optional.empty();
        String name = EmbeddingModelSetting.asked(Optional.empty(), host).or(() -> running).orElse(EmbeddingModelSetting.DEFAULT);
        ModelFiles.Location location = files.locate(name);
        Optional<ServedModel> served = Optional.empty();
        if (daemon instanceof DaemonState.Running live && running.filter(name::equals).isPresent()) {
            DaemonClient.Health health = known.isPresent() ? known.get() : client.health(live.daemon().endpoint());
            if (health instanceof DaemonClient.Healthy healthy) {
                served = healthy.model().filter(model -> model.name().equals(name));
            }
        }
        return new EmbeddingModelStatus(name, location.source(), location.where(), served);
    }
}
