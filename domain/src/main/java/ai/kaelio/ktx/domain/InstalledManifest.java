package ai.kaelio.ktx.domain;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The installed manifest ({@code <root>/<version>/manifest.json}). Writing it, atomically and last,
 * is what makes an install real.
 */
public record InstalledManifest(
        int schemaVersion,
        String cliVersion,
        Instant installedAt,
        AssetManifest asset,
        FeatureSet features,
        Executables python,
        Path installLog,
        Optional<ProvisionerInfo> provisioner) {

    public static final int SCHEMA_VERSION = 1;

    public InstalledManifest {
        if (schemaVersion != SCHEMA_VERSION) {
            throw new IllegalArgumentException(
                    "unsupported schemaVersion " + schemaVersion + " (expected " + SCHEMA_VERSION + ")");
        }
        AssetManifest.requireText(cliVersion, "cliVersion");
        Objects.requireNonNull(installedAt, "installedAt");
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(python, "python");
        Objects.requireNonNull(installLog, "installLog");
        Objects.requireNonNull(provisioner, "provisioner");
    }

    /** The runtime's interpreter and daemon launcher. */
    public record Executables(Path executable, Path daemonExecutable) {
        public Executables {
            Objects.requireNonNull(executable, "python.executable");
            Objects.requireNonNull(daemonExecutable, "python.daemonExecutable");
            // environment() derives the venv from <venv>/<scripts>/python; a shorter path has none, and
            // failing here turns a tampered manifest into an invalid one instead of a crash in status.
            Path scripts = executable.getParent();
            if (scripts == null || scripts.getParent() == null) {
                throw new IllegalArgumentException(
                        "python.executable is not inside a virtual environment: " + executable);
            }
        }
    }

    public EnvironmentLayout environment(Platform platform) {
        return EnvironmentLayout.ofPython(platform, python.executable());
    }
}
