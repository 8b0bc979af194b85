package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.domain.DaemonState;
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

    int print(RuntimeStatus status, DaemonState daemon) {
        if (json) {
            var document = RuntimeJson.status(status);
            document.put("daemon", DaemonJsonShapes.state(daemon));
            out.println(JsonText.render(document));
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
        return ExitCodes.OK;
    }
}
