package ai.kaelio.ktx.adapters.cli.output;

import ai.kaelio.ktx.adapters.cli.terminal.ExitCodes;
import ai.kaelio.ktx.application.port.in.StartResult;
import ai.kaelio.ktx.domain.DaemonRecord;
import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code ktx runtime start}: where the daemon listens, or why it does not. The token is never printed. */
public final class StartOutput {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    public StartOutput(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    public int print(StartResult result) {
        if (result instanceof StartResult.Started started) {
            return success("started", "Started KTX daemon", started.daemon(), started.statePath());
        }
        if (result instanceof StartResult.Reused reused) {
            return success("reused", "Using existing KTX daemon", reused.daemon(), reused.statePath());
        }
        if (result instanceof StartResult.RuntimeUnavailable unavailable) {
            return RuntimeUnavailableOutput.print(unavailable.ensure(), out, err);
        }
        if (result instanceof StartResult.DaemonInTheWay inTheWay) {
            err.println("The KTX daemon (pid " + inTheWay.daemon().pid() + ") runs from a runtime that must be reinstalled"
                    + " for this request (" + inTheWay.shortfall() + "). Replace it: ktx runtime start --force,"
                    + " or stop it first: ktx runtime stop");
            return ExitCodes.FAILED;
        }
        if (result instanceof StartResult.RuntimeChanged changed) {
            err.println("The KTX Python runtime changed while the daemon was starting (" + changed.runtime().kind().id()
                    + ": " + changed.runtime().detail() + "). Run: ktx runtime start");
            return ExitCodes.FAILED;
        }
        if (result instanceof StartResult.Failed failed) {
            err.println(failed.reason());
            if (!failed.logTail().isEmpty()) {
                err.println("Daemon log " + failed.log() + " ends with:");
                failed.logTail().forEach(line -> err.println("  " + line));
            }
            return ExitCodes.FAILED;
        }
        throw new AssertionError(result);
    }

    private int success(String status, String headline, DaemonRecord daemon, Path statePath) {
        if (json) {
            out.println(JsonDocument.render(json -> {
                json.writeStartObject();
                json.writeStringField("status", status);
                DaemonJsonShapes.daemon(json, daemon, statePath);
                json.writeEndObject();
            }));
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
