package ai.kaelio.ktx.bootstrap;

import ai.kaelio.ktx.domain.CliVersion;
import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.RuntimeLayout;
import ai.kaelio.ktx.domain.RuntimeRoots;
import com.google.inject.AbstractModule;
import java.nio.file.Path;
import java.time.Clock;

/** What this run is about: the host, the CLI version and where its distribution and runtime live. */
final class HostModule extends AbstractModule {

    private final HostEnvironment host;
    private final CliVersion version;
    private final Path assetDir;

    HostModule(HostEnvironment host, CliVersion version, Path assetDir) {
        this.host = host;
        this.version = version;
        this.assetDir = assetDir;
    }

    @Override
    protected void configure() {
        bind(HostEnvironment.class).toInstance(host);
        bind(CliVersion.class).toInstance(version);
        // A relative KTX_RUNTIME_ROOT means relative to where ktx was started, fixed once here.
        Path runtimeRoot = RuntimeRoots.runtimeRoot(host).toAbsolutePath();
        bind(RuntimeLayout.class).toInstance(RuntimeLayout.of(version, host.platform(), runtimeRoot, assetDir));
        bind(Clock.class).toInstance(Clock.systemUTC());
    }
}
