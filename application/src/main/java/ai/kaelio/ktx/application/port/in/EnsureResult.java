package ai.kaelio.ktx.application.port.in;

import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.InstalledManifest;
import ai.kaelio.ktx.domain.RuntimeLayout;
import ai.kaelio.ktx.domain.RuntimeStatus;
import java.util.List;

/** Whether the runtime is now usable, and if not, why. */
public sealed interface EnsureResult {

    /**
     * Checks {@code reason} can explain why the runtime is unavailable, as the results that carry one need:
     * a ready runtime cannot.
     */
    static EnsureResult requireNotReady(EnsureResult reason) {
        java.util.Objects.requireNonNull(reason, "reason");
        if (reason instanceof Ready) {
            throw new IllegalArgumentException("A ready runtime is not a reason for being unavailable");
        }
        return reason;
    }

    /** Ready (already, or just installed): {@code installed} says which. */
    record Ready(RuntimeLayout layout, InstalledManifest manifest, boolean installed) implements EnsureResult {

        /** The environment the manifest names: where commands run. */
        public EnvironmentLayout environment() {
            return manifest.environment(layout.platform());
        }
    }

    /**
     * Not ready, or lacking features, and not allowed to install: {@code status} is what is there, and
     * {@code requested} what the command needs. The adapter says what to type about it.
     */
    record NotAllowed(RuntimeStatus status, FeatureSet requested) implements EnsureResult {

        /** What a ready runtime lacks of {@code requested}; empty when the runtime is not ready. */
        public List<Feature> missingFeatures() {
            if (!(status instanceof RuntimeStatus.Ready ready)) {
                return List.of();
            }
            return requested.features().stream().filter(feature -> !ready.installed().features().contains(feature)).toList();
        }
    }

    /** The user answered no to installing {@code requested}. */
    record Declined(FeatureSet requested) implements EnsureResult {
    }

    /** The install was tried and did not succeed. */
    record InstallFailed(InstallResult result) implements EnsureResult {
    }
}
