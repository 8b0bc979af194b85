package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.application.port.in.StartResult;
import ai.kaelio.ktx.domain.DaemonRecord;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code ktx runtime start}: where the daemon listens, or why it does not. The token is never printed. */
final class StartOutput {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    StartOutput(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    int print(StartResult result) {
        if (result instanceof StartResult.Started started) {
            return success("started", "Started KTX daemon", started.daemon(), started.statePath());
        }
        if (result instanceof StartResult.Reused reused) {
            return success("reused", "Using existing KTX daemon", reused.daemon(), reused.statePath());
        }
        if (result instanceof StartResult.RuntimeUnavailable unavailable) {
            return RuntimeUnavailableOutput.print(unavailable.ensure(), out, err);
        }
        StartResult.Failed failed = (StartResult.Failed) result;
        err.println(failed.reason());
        if (!failed.logTail().isEmpty()) {
            err.println("Daemon log " + failed.log() + " ends with:");
            failed.logTail().forEach(line -> err.println("  " + line));
        }
        return ExitCodes.FAILED;
    }

    private int success(String status, String headline, DaemonRecord daemon, Path statePath) {
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("status", status);
            document.put("daemon", DaemonJsonShapes.daemon(daemon, statePath));
            out.println(JsonText.render(document));
            return ExitCodes.OK;
        }
        out.println(headline);
        out.println("url: " + daemon.url());
        out.println("pid: " + daemon.pid());
        out.println("version: " + daemon.version());
        out.println("features: " + daemon.features());
        daemon.model().ifPresent(model -> out.println("model: " + model));
        out.println("state: " + statePath);
        out.println("log: " + daemon.log());
        return ExitCodes.OK;
    }
}
