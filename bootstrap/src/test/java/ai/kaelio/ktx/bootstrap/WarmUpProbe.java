package ai.kaelio.ktx.bootstrap;

import ai.kaelio.ktx.domain.CliVersion;
import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.Platform;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run by {@link StartupWarmUpTest} in a JVM of its own, under {@code -Xlog:class+load}: the warm-up on this
 * thread, then (after loading {@link Marker}, whose line in the log divides the two) a status through the
 * production wiring.
 */
public final class WarmUpProbe {

    private WarmUpProbe() {
    }

    public static void main(String[] args) {
        StartupWarmUp.run();
        new Marker();
        HostEnvironment host = new HostEnvironment(Platform.LINUX, Map.of("KTX_RUNTIME_ROOT", args[0]), Path.of(args[0]));
        PrintWriter sink = new PrintWriter(new StringWriter());
        Main.run(KtxModules.production(host, new CliVersion("0.1.0"), Path.of(args[0], "assets")), sink, sink,
                "runtime", "status", "--json");
    }

    static final class Marker {
    }
}
