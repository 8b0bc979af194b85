package ai.kaelio.ktx.domain;

import java.util.Optional;

/**
 * What state one CLI version's runtime is in. Each state is its own type so callers handle every
 * case; {@link #kind()} gives the contract's name for it.
 */
public sealed interface RuntimeStatus {

    RuntimeLayout layout();

    String detail();

    Kind kind();

    /** The installed manifest, when one could be read. */
    Optional<InstalledManifest> manifest();

    /** The environment the manifest names, when there is one. */
    default Optional<EnvironmentLayout> environment() {
        return manifest().map(manifest -> manifest.environment(layout().platform()));
    }

    default boolean isReady() {
        return this instanceof Ready;
    }

    enum Kind {
        MISSING, READY, MISMATCHED, BROKEN;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    record Missing(RuntimeLayout layout) implements RuntimeStatus {
        public String detail() {
            return "No runtime manifest at " + layout.manifestPath();
        }

        public Kind kind() {
            return Kind.MISSING;
        }

        public Optional<InstalledManifest> manifest() {
            return Optional.empty();
        }
    }

    record Ready(RuntimeLayout layout, InstalledManifest installed) implements RuntimeStatus {
        public String detail() {
            return "Runtime ready at " + layout.versionDir();
        }

        public Kind kind() {
            return Kind.READY;
        }

        public Optional<InstalledManifest> manifest() {
            return Optional.of(installed);
        }
    }

    /** A readable manifest for another CLI version or another bundled wheel. */
    record Mismatched(RuntimeLayout layout, InstalledManifest installed, String detail) implements RuntimeStatus {
        public Kind kind() {
            return Kind.MISMATCHED;
        }

        public Optional<InstalledManifest> manifest() {
            return Optional.of(installed);
        }
    }

    /** Something is there but cannot run: an invalid manifest, a missing executable, a vanished interpreter. */
    record Broken(RuntimeLayout layout, Optional<InstalledManifest> manifest, String detail) implements RuntimeStatus {
        public Kind kind() {
            return Kind.BROKEN;
        }
    }
}
