package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.application.port.in.InstallResult;
import ai.kaelio.ktx.domain.InstalledManifest;
import ai.kaelio.ktx.domain.RuntimeLayout;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Prints an install's outcome (contract section 4) and turns it into the exit code. */
final class InstallOutput {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    InstallOutput(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    int print(InstallResult result) {
        if (result instanceof InstallResult.Installed installed) {
            return success("installed", "Installed KTX Python runtime", installed.layout(), installed.manifest());
        }
        if (result instanceof InstallResult.AlreadyReady ready) {
            return success("ready", "Using existing KTX Python runtime", ready.layout(), ready.manifest());
        }
        if (result instanceof InstallResult.Refused refused) {
            err.println(refused.reason());
            return ExitCodes.FAILED;
        }
        InstallResult.Failed failed = (InstallResult.Failed) result;
        err.println("Python runtime install failed. Install log: " + failed.installLog());
        err.println("  $ " + failed.command());
        failed.outputTail().forEach(line -> err.println("  " + line));
        return ExitCodes.FAILED;
    }

    private int success(String status, String headline, RuntimeLayout layout, InstalledManifest manifest) {
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("status", status);
            document.put("layout", RuntimeJson.layout(layout, java.util.Optional.of(manifest.environment(layout.platform()))));
            document.put("manifest", RuntimeJson.manifest(manifest));
            out.println(JsonText.render(document));
            return ExitCodes.OK;
        }
        out.println(headline);
        out.println("version: " + manifest.cliVersion());
        out.println("features: " + manifest.features());
        out.println("python: " + manifest.python().executable());
        out.println("daemon: " + manifest.python().daemonExecutable());
        out.println("manifest: " + layout.manifestPath());
        out.println("install log: " + manifest.installLog());
        return ExitCodes.OK;
    }
}
