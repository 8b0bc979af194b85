package ai.kaelio.ktx.domain;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** Valid manifests for domain tests, varied one field at a time. */
final class Manifests {

    static final String SHA = "0123456789abcdef".repeat(4);
    static final Path ROOT = Path.of("/data/ktx/runtime");
    static final RuntimeLayout LAYOUT = RuntimeLayout.of(
            new CliVersion("0.2.0"), Platform.LINUX, ROOT, Path.of("/opt/ktx/assets/python"));
    static final EnvironmentLayout ENVIRONMENT = LAYOUT.environment("a1");

    private Manifests() {
    }

    static AssetManifest asset() {
        return new AssetManifest(1, "kaelio-ktx", "kaelio_ktx", "0.1.0",
                new AssetManifest.Wheel("kaelio_ktx-0.1.0-py3-none-any.whl", SHA, 1234));
    }

    static InstalledManifest installed(FeatureSet features) {
        return installed(new InstalledManifest.Executables(ENVIRONMENT.pythonPath(), ENVIRONMENT.daemonPath()), features);
    }

    static InstalledManifest installed(InstalledManifest.Executables executables, FeatureSet features) {
        return new InstalledManifest(1, "0.2.0", Instant.parse("2026-03-01T10:15:30Z"), asset(), features,
                executables, LAYOUT.installLogPath(), Optional.of(new ProvisionerInfo("uv", "0.9.5")));
    }
}
