package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.application.port.in.StopResult;
import ai.kaelio.ktx.domain.DaemonRecord;
import ai.kaelio.ktx.domain.DaemonState;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The daemon's JSON shapes for start, stop and status. The token is left out on purpose: it is in
 * {@code daemon.json} (mode 0600) for programs that need it, and output ends up in logs and terminals.
 */
final class DaemonJsonShapes {

    private DaemonJsonShapes() {
    }

    static Map<String, Object> daemon(DaemonRecord daemon, Path statePath) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", daemon.url());
        json.put("host", daemon.endpoint().host());
        json.put("port", daemon.endpoint().port());
        json.put("pid", daemon.pid());
        json.put("version", daemon.version());
        json.put("features", daemon.features().ids());
        daemon.model().ifPresent(model -> json.put("model", model));
        json.put("startedAt", daemon.startedAt().toString());
        json.put("state", statePath);
        json.put("log", daemon.log());
        return json;
    }

    /** Status's {@code "daemon": {"state": "stopped|running|stale", …}}; recorded details when there are any. */
    static Map<String, Object> state(DaemonState state) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("state", state.kind().id());
        json.put("detail", state.detail());
        json.put("statePath", state.statePath());
        state.record().ifPresent(daemon -> {
            json.put("url", daemon.url());
            json.put("pid", daemon.pid());
            json.put("version", daemon.version());
            json.put("features", daemon.features().ids());
            daemon.model().ifPresent(model -> json.put("model", model));
            json.put("startedAt", daemon.startedAt().toString());
            json.put("log", daemon.log());
        });
        if (state instanceof DaemonState.Unrecorded unrecorded) {
            // No record, so no url: only the pids of the daemons found running from this runtime.
            json.put("pids", unrecorded.runningPids());
        }
        return json;
    }

    static Map<String, Object> stop(StopResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", result.stopped().isEmpty() ? (result.failed().isEmpty() ? "already-stopped" : "failed") : "stopped");
        json.put("stopped", result.stopped().stream().map(stopped -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("pid", stopped.pid());
            entry.put("how", stopped.how().name().toLowerCase(Locale.ROOT));
            entry.put("recorded", stopped.recorded());
            return entry;
        }).toList());
        json.put("failed", result.failed().stream().map(failed -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("pid", failed.pid());
            entry.put("reason", failed.reason());
            return entry;
        }).toList());
        json.put("staleStateRemoved", result.staleStateRemoved());
        result.staleState().ifPresent(stale -> {
            json.put("staleStateFile", stale.file());
            json.put("staleReason", stale.reason());
        });
        json.put("state", result.statePath());
        return json;
    }
}
