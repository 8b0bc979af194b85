package ai.kaelio.ktx.adapters.cli.output;

import static ai.kaelio.ktx.adapters.cli.output.JsonDocument.path;
import static ai.kaelio.ktx.adapters.cli.output.JsonDocument.strings;

import ai.kaelio.ktx.application.port.in.StopResult;
import ai.kaelio.ktx.domain.DaemonRecord;
import ai.kaelio.ktx.domain.DaemonState;
import ai.kaelio.ktx.domain.EmbeddingModelStatus;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The daemon's JSON shapes for start, stop and status. The token is left out on purpose: it is in
 * {@code daemon.json} (mode 0600) for programs that need it, and output ends up in logs and terminals.
 */
final class DaemonJsonShapes {

    private DaemonJsonShapes() {
    }

    /** Start's {@code "daemon": {…}}. */
    static void daemon(JsonGenerator json, DaemonRecord daemon, Path statePath) throws IOException {
        json.writeObjectFieldStart("daemon");
        json.writeStringField("url", daemon.url());
        json.writeStringField("host", daemon.endpoint().host());
        json.writeNumberField("port", daemon.endpoint().port());
        json.writeNumberField("pid", daemon.pid());
        whatRuns(json, daemon);
        path(json, "state", statePath);
        path(json, "log", daemon.log());
        json.writeEndObject();
    }

    /** Status's {@code "daemon": {"state": "stopped|running|stale", …}}; recorded details when there are any. */
    static void state(JsonGenerator json, DaemonState state) throws IOException {
        json.writeObjectFieldStart("daemon");
        json.writeStringField("state", state.kind().id());
        json.writeStringField("detail", state.detail());
        path(json, "statePath", state.statePath());
        if (state.record().isPresent()) {
            DaemonRecord daemon = state.record().get();
            json.writeStringField("url", daemon.url());
            json.writeNumberField("pid", daemon.pid());
            whatRuns(json, daemon);
            path(json, "log", daemon.log());
        }
        if (state instanceof DaemonState.Unrecorded unrecorded) {
            // No record, so no url: only the pids of the daemons found running from this runtime.
            json.writeArrayFieldStart("pids");
            for (long pid : unrecorded.runningPids()) {
                json.writeNumber(pid);
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    /** The version, features and model the daemon serves, and since when. */
    private static void whatRuns(JsonGenerator json, DaemonRecord daemon) throws IOException {
        json.writeStringField("version", daemon.version());
        strings(json, "features", daemon.features().ids());
        if (daemon.model().isPresent()) {
            json.writeStringField("model", daemon.model().get());
        }
        json.writeStringField("startedAt", daemon.startedAt().toString());
    }

    /** Status's {@code "embeddingModel": {…}}. */
    static void embeddingModel(JsonGenerator json, EmbeddingModelStatus model) throws IOException {
        json.writeObjectFieldStart("embeddingModel");
        json.writeStringField("name", model.name());
        json.writeStringField("source", model.source().id());
        path(json, "path", model.where());
        if (model.served().isPresent()) {
            json.writeBooleanField("loaded", model.served().get().loaded());
            if (model.served().get().dimensions().isPresent()) {
                json.writeNumberField("dimensions", model.served().get().dimensions().getAsInt());
            }
        }
        json.writeEndObject();
    }

    static void stop(JsonGenerator json, StopResult result) throws IOException {
        json.writeStartObject();
        json.writeStringField("status", result.stopped().isEmpty()
                ? (result.failed().isEmpty() ? "already-stopped" : "failed") : "stopped");
        json.writeArrayFieldStart("stopped");
        for (StopResult.Stopped stopped : result.stopped()) {
            json.writeStartObject();
            json.writeNumberField("pid", stopped.pid());
            json.writeStringField("how", stopped.how().name().toLowerCase(Locale.ROOT));
            json.writeBooleanField("recorded", stopped.recorded());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("failed");
        for (StopResult.Failed failed : result.failed()) {
            json.writeStartObject();
            json.writeNumberField("pid", failed.pid());
            json.writeStringField("reason", failed.reason());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeBooleanField("staleStateRemoved", result.staleStateRemoved());
        if (result.staleState().isPresent()) {
            json.writeStringField("staleStateFile", result.staleState().get().file().toString());
            json.writeStringField("staleReason", result.staleState().get().reason());
        }
        path(json, "state", result.statePath());
        json.writeEndObject();
    }
}
