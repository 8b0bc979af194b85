package ai.kaelio.ktx.adapters.cli.output;

import ai.kaelio.ktx.adapters.cli.terminal.ExitCodes;
import ai.kaelio.ktx.application.port.in.InstallResult;
import ai.kaelio.ktx.domain.InstalledManifest;
import ai.kaelio.ktx.domain.RuntimeLayout;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.stream.Collectors;

/** Prints an install's outcome (contract section 4) and turns it into the exit code. */
public final class InstallOutput {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    public InstallOutput(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    public int print(InstallResult result) {
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
        if (result instanceof InstallResult.DaemonRunning running) {
            err.println("The KTX daemon (pid " + running.pids().stream().map(String::valueOf).collect(Collectors.joining(", pid "))
                    + ") runs from this runtime, which a reinstall would remove. Stop it first: ktx runtime stop");
            return ExitCodes.FAILED;
        }
        if (result instanceof InstallResult.Failed failed) {
            err.println("Python runtime install failed. Install log: " + failed.installLog());
            err.println("  $ " + failed.command());
            failed.outputTail().forEach(line -> err.println("  " + line));
            return ExitCodes.FAILED;
        }
        throw new AssertionError(result);
    }

    private int success(String status, String headline, RuntimeLayout layout, InstalledManifest manifest) {
        if (json) {
            out.println(JsonDocument.render(json -> {
                json.writeStartObject();
                json.writeStringField("status", status);
                RuntimeJson.layout(json, layout, Optional.of(manifest.environment(layout.platform())));
                RuntimeJson.manifest(json, manifest);
                json.writeEndObject();
            }));
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
