package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.domain.RuntimeStatus;
import java.io.PrintWriter;

/** {@code ktx runtime status}: text or JSON; status always exits 0, whatever the state. */
final class StatusOutput {

    private final PrintWriter out;
    private final boolean json;

    StatusOutput(PrintWriter out, boolean json) {
        this.out = out;
        this.json = json;
    }

    int print(RuntimeStatus status) {
        if (json) {
            out.println(JsonText.render(RuntimeJson.status(status)));
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
        return ExitCodes.OK;
    }
}
