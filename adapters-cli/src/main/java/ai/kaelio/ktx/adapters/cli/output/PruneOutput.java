package ai.kaelio.ktx.adapters.cli.output;

import ai.kaelio.ktx.adapters.cli.terminal.ExitCodes;
import ai.kaelio.ktx.domain.PruneResult;
import java.io.PrintWriter;

/** {@code ktx runtime prune}: what was (or would be) removed, what was kept and why; exit 1 if a removal failed. */
public final class PruneOutput {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    public PruneOutput(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    public int print(PruneResult result) {
        if (json) {
            out.println(JsonDocument.render(json -> RuntimeJson.prune(json, result)));
        } else {
            printText(result);
        }
        result.failed().forEach(failed -> err.println("Could not remove " + failed.path() + ": " + failed.reason()));
        return result.failed().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private void printText(PruneResult result) {
        if (result.stale().isEmpty()) {
            out.println("No stale KTX Python runtimes found under " + result.runtimeRoot());
        } else {
            out.println(result.dryRun() ? "Stale KTX Python runtimes" : "Removed stale KTX Python runtimes");
            result.stale().forEach(out::println);
        }
        result.kept().forEach(kept -> out.println("kept " + kept.path() + " (" + kept.reason() + ")"));
    }
}
