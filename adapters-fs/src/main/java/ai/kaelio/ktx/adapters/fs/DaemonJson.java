package ai.kaelio.ktx.adapters.fs;

import ai.kaelio.ktx.application.port.out.DaemonFiles;
import ai.kaelio.ktx.domain.DaemonEndpoint;
import ai.kaelio.ktx.domain.DaemonRecord;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON shapes of {@code daemon.json}, of a start's marker ({@code daemon.starting}) and of the daemon's
 * ready file. {@code url} is written for
 * programs' convenience and ignored on reading; unknown fields are ignored.
 */
final class DaemonJson {

    static final int SCHEMA_VERSION = 1;

    private DaemonJson() {
    }

    static DaemonRecord record(JsonFields json) {
        if (json.has("schemaVersion") && json.integer("schemaVersion") != SCHEMA_VERSION) {
            throw new JsonShapeException("unsupported schemaVersion " + json.integer("schemaVersion")
                    + " (expected " + SCHEMA_VERSION + ")");
        }
        return new DaemonRecord(
                json.longInteger("pid"),
                new DaemonEndpoint(json.text("host"), json.integer("port"), json.text("token")),
                json.text("version"),
                ManifestJson.features(json.texts("features")),
                json.instant("startedAt"),
                json.instant("processStart"),
                json.path("log"),
                json.path("executable"),
                kernelStart(json),
                json.has("model") ? Optional.of(json.text("model")) : Optional.empty());
    }

    /** Optional: an earlier ktx did not write it, and where the system has none it is left out. */
    private static Optional<String> kernelStart(JsonFields json) {
        return json.has("processKernelStart") ? Optional.of(json.text("processKernelStart")) : Optional.empty();
    }

    static Map<String, Object> toJson(DaemonRecord record) {
        Map<String, Object> node = JsonDocuments.object();
        node.put("schemaVersion", SCHEMA_VERSION);
        node.put("pid", record.pid());
        node.put("host", record.endpoint().host());
        node.put("port", record.endpoint().port());
        node.put("url", record.url());
        node.put("token", record.endpoint().token());
        node.put("version", record.version());
        node.put("features", record.features().ids());
        node.put("startedAt", record.startedAt().toString());
        node.put("processStart", record.processStart().toString());
        node.put("log", record.log().toString());
        node.put("executable", record.executable().toString());
        record.processKernelStart().ifPresent(kernel -> node.put("processKernelStart", kernel));
        record.model().ifPresent(model -> node.put("model", model));
        return node;
    }

    /** {@code {"pid", "port", "host", "version"}}, as {@code ktx-daemon serve-http} writes it. */
    static DaemonFiles.ReadyFile ready(JsonFields json) {
        return new DaemonFiles.ReadyFile(json.longInteger("pid"), json.text("host"), json.integer("port"), json.text("version"));
    }

    /**
     * {@code {"pid", "processStart", "processKernelStart"}} of the ktx that starts the daemon (the last where
     * the system has it); {@code {}} when that is not known.
     */
    static Map<String, Object> toJson(DaemonFiles.StartMarker marker) {
        Map<String, Object> node = JsonDocuments.object();
        marker.starter().ifPresent(starter -> {
            node.put("pid", starter.pid());
            node.put("processStart", starter.startedAt().toString());
            starter.kernelStart().ifPresent(kernel -> node.put("processKernelStart", kernel));
        });
        return node;
    }

    static DaemonFiles.StartMarker startMarker(JsonFields json) {
        if (!json.has("pid") && !json.has("processStart")) {
            return DaemonFiles.StartMarker.unknown();
        }
        return new DaemonFiles.StartMarker(Optional.of(
                new DaemonFiles.Starter(json.longInteger("pid"), json.instant("processStart"), kernelStart(json))));
    }
}
