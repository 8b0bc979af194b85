package ai.kaelio.ktx.application.port.in;

import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.InstalledManifest;
import ai.kaelio.ktx.domain.RuntimeLayout;

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

    /** Not ready and not allowed to install; {@code reason} is the sentence to show. */
    record NotAllowed(String reason) implements EnsureResult {
    }

    /** The user answered no. */
    record Declined(String reason) implements EnsureResult {
    }

    /** The install was tried and did not succeed. */
    record InstallFailed(InstallResult result) implements EnsureResult {
    }
}
