package ai.kaelio.ktx.adapters.cli.output;

import ai.kaelio.ktx.adapters.cli.terminal.ExitCodes;
import ai.kaelio.ktx.application.port.in.StopResult;
import java.io.PrintWriter;

/** {@code ktx runtime stop}: what was stopped (one {@code pid:} line each), what could not be; exit 1 on any failure. */
public final class StopOutput {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final boolean all;

    public StopOutput(PrintWriter out, PrintWriter err, boolean json, boolean all) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.all = all;
    }

    public int print(StopResult result) {
        if (json) {
            out.println(JsonDocument.render(json -> DaemonJsonShapes.stop(json, result)));
        } else {
            printText(result);
        }
        result.failed().forEach(failed ->
                err.println("Could not stop the KTX daemon with pid " + failed.pid() + ": " + failed.reason()));
        return result.failed().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private void printText(StopResult result) {
        if (result.nothingRunning()) {
            out.println("KTX daemon already stopped");
        } else if (!result.stopped().isEmpty()) {
            out.println("Stopped KTX daemon");
            result.stopped().forEach(stopped -> out.println("pid: " + stopped.pid()));
        }
        // Also after stopping: a daemon that a damaged or missing record hid was stopped, and the user
        // should learn why stop had to look for it.
        result.staleState().ifPresent(stale -> {
            out.println("removed stale state: " + stale.file());
            out.println("reason: " + stale.reason());
        });
        if (all) {
            out.println("stopped: " + result.stopped().size());
            out.println("failed: " + result.failed().size());
        }
    }
}
