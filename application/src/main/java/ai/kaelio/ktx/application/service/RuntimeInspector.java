package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.application.port.out.ManifestStore;
import ai.kaelio.ktx.application.port.out.RuntimeFiles;
import ai.kaelio.ktx.domain.AssetManifest;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.InstalledManifest;
import ai.kaelio.ktx.domain.RuntimeLayout;
import ai.kaelio.ktx.domain.RuntimeStatus;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides a runtime's state from its manifest and the files it names, without starting any process,
 * so it is cheap enough for status and for the install's fast path.
 */
public final class RuntimeInspector {

    private final RuntimeLayout layout;
    private final ManifestStore manifests;
    private final RuntimeFiles files;

    public RuntimeInspector(RuntimeLayout layout, ManifestStore manifests, RuntimeFiles files) {
        this.layout = layout;
        this.manifests = manifests;
        this.files = files;
    }

    /**
     * @param bundled the bundled asset manifest, when readable: a runtime built from another wheel is
     *                mismatched
     */
    public RuntimeStatus inspect(Optional<AssetManifest> bundled) {
        RuntimeStatus first = inspectOnce(bundled);
        if (first instanceof RuntimeStatus.Broken broken && broken.manifest().isPresent()) {
            // A concurrent install may have committed a new manifest and removed the old environment
            // between our read and our checks; judge the newest manifest rather than a stale one.
            RuntimeStatus second = inspectOnce(bundled);
            if (!Objects.equals(second.manifest(), first.manifest())) {
                return second;
            }
        }
        return first;
    }

    private RuntimeStatus inspectOnce(Optional<AssetManifest> bundled) {
        ManifestStore.ManifestRead read = manifests.read(layout.manifestPath());
        if (read instanceof ManifestStore.Present present) {
            return judge(present.manifest(), bundled);
        }
        if (read instanceof ManifestStore.Invalid invalid) {
            return broken(Optional.empty(), "Runtime manifest is invalid: " + invalid.reason());
        }
        return new RuntimeStatus.Missing(layout);
    }

    private RuntimeStatus judge(InstalledManifest manifest, Optional<AssetManifest> bundled) {
        if (!manifest.cliVersion().equals(layout.cliVersion().value())) {
            return new RuntimeStatus.Mismatched(layout, manifest, "Runtime is for CLI "
                    + manifest.cliVersion() + ", current CLI is " + layout.cliVersion());
        }
        if (bundled.isPresent() && !bundled.get().wheel().sha256().equals(manifest.asset().wheel().sha256())) {
            return new RuntimeStatus.Mismatched(layout, manifest, "Runtime was installed from wheel "
                    + shortSha(manifest.asset()) + ", the bundled wheel is " + shortSha(bundled.get()));
        }
        Optional<String> escaped = escapedPath(manifest);
        if (escaped.isPresent()) {
            return broken(Optional.of(manifest), "Runtime manifest is invalid: " + escaped.get());
        }
        EnvironmentLayout environment = manifest.environment(layout.platform());
        Optional<Path> exposed = exposedDirectory(environment);
        if (exposed.isPresent()) {
            return broken(Optional.of(manifest), "Runtime directory can be changed by other users: " + exposed.get()
                    + ". Make it private (chmod go-w), or set KTX_RUNTIME_ROOT to a private directory.");
        }
        Path python = manifest.python().executable();
        if (!files.isRegularFile(python)) {
            return broken(Optional.of(manifest), missingPython(python));
        }
        Optional<Path> home = files.venvHome(environment.venvDir());
        if (home.isPresent() && files.typeOf(home.get()) == RuntimeFiles.EntryType.MISSING) {
            return broken(Optional.of(manifest), "Base Python interpreter of the runtime no longer exists: "
                    + home.get() + " (named by " + environment.venvDir().resolve("pyvenv.cfg") + ")");
        }
        Path daemon = manifest.python().daemonExecutable();
        if (!files.isRegularFile(daemon)) {
            return broken(Optional.of(manifest), "Missing ktx-daemon executable: " + daemon);
        }
        return new RuntimeStatus.Ready(layout, manifest);
    }

    private String missingPython(Path python) {
        return files.danglingLinkTarget(python)
                .map(target -> "Python interpreter of the runtime no longer exists: " + target
                        + " (linked from " + python + ")")
                .orElse("Missing Python executable: " + python);
    }

    /** Manifest paths must stay inside the version directory, so a tampered manifest cannot point elsewhere. */
    private Optional<String> escapedPath(InstalledManifest manifest) {
        EnvironmentLayout expected = manifest.environment(layout.platform());
        if (!layout.isInsideVersionDir(expected.venvDir())) {
            return Optional.of("python.executable is outside " + layout.versionDir());
        }
        if (!expected.daemonPath().normalize().equals(manifest.python().daemonExecutable().normalize())) {
            return Optional.of("python.daemonExecutable is not in the environment of python.executable");
        }
        return Optional.empty();
    }

    /** A runtime others can write to could be swapped for their code: it is never ready. */
    private Optional<Path> exposedDirectory(EnvironmentLayout environment) {
        for (Path directory : java.util.List.of(layout.runtimeRoot(), layout.versionDir(), environment.venvDir())) {
            if (files.writableByOthers(directory)) {
                return Optional.of(directory);
            }
        }
        return Optional.empty();
    }

    private RuntimeStatus broken(Optional<InstalledManifest> manifest, String detail) {
        return new RuntimeStatus.Broken(layout, manifest, detail);
    }

    static String shortSha(AssetManifest asset) {
        return asset.wheel().sha256().substring(0, 12);
    }
}
