package ai.kaelio.ktx.adapters.cli.output;

import ai.kaelio.ktx.adapters.cli.terminal.ExitCodes;
import ai.kaelio.ktx.domain.DaemonState;
import ai.kaelio.ktx.domain.EmbeddingModelStatus;
import ai.kaelio.ktx.domain.RuntimeStatus;
import java.io.PrintWriter;
import java.util.Optional;

/** {@code ktx runtime status}: text or JSON; status always exits 0, whatever the state. */
public final class StatusOutput {

    private final PrintWriter out;
    private final boolean json;

    public StatusOutput(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    public int print(RuntimeStatus status, DaemonState daemon, Optional<EmbeddingModelStatus> embeddingModel) {
        if (json) {
            out.println(JsonDocument.render(json -> {
                json.writeStartObject();
                RuntimeJson.status(json, status);
                DaemonJsonShapes.state(json, daemon);
                if (embeddingModel.isPresent()) {
                    DaemonJsonShapes.embeddingModel(json, embeddingModel.get());
                }
                json.writeEndObject();
            }));
            return ExitCodes.OK;
        }
        out.println("KTX Python runtime");
        out.println("status: " + status.kind().id());
        out.println("detail: " + status.detail());
        out.println("runtime root: " + status.layout().runtimeRoot());
        out.println("version dir: " + status.layout().versionDir());
        status.manifest().ifPresent(manifest -> {
            out.println("features: " + manifest.features());
            out.println("python: " + manifest.python().executable());
            out.println("daemon: " + manifest.python().daemonExecutable());
        });
        // "daemon:" is the launcher's path (contract), so the daemon's state has lines of its own.
        out.println("daemon state: " + daemon.kind().id());
        if (daemon.kind() == DaemonState.Kind.STALE) {
            out.println("daemon detail: " + daemon.detail());
        }
        daemon.record().ifPresent(record -> {
            out.println("daemon url: " + record.url());
            out.println("daemon pid: " + record.pid());
        });
        if (daemon instanceof DaemonState.Unrecorded unrecorded) {
            unrecorded.runningPids().forEach(pid -> out.println("daemon pid: " + pid));
        }
        embeddingModel.ifPresent(model -> out.println("embedding model: " + model.name() + " (" + describe(model) + ")"));
        return ExitCodes.OK;
    }

    private static String describe(EmbeddingModelStatus model) {
        String where = switch (model.source()) {
            case DIRECTORY -> "local directory";
            case CACHE -> "in the Hugging Face cache";
            case NOT_CACHED -> "not cached yet: " + model.where();
        };
        return where + model.served().map(served -> served.loaded()
                ? "; loaded by the daemon, " + served.dimensions().orElse(0) + " dimensions"
                : "; served by the daemon, not loaded yet").orElse("");
    }
}
