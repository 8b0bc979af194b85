package ai.kaelio.ktx.application.port.in;

import ai.kaelio.ktx.domain.FeatureSet;
import java.util.Objects;

/**
 * What the daemon must offer, whether a healthy daemon is replaced anyway ({@code force}), and the
 * install consent for a runtime that is not ready.
 */
public record StartRequest(FeatureSet features, boolean force, InstallConsent consent, Confirmation confirmation,
        InstallObserver observer) {

    public StartRequest {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(confirmation, "confirmation");
        Objects.requireNonNull(observer, "observer");
    }
}
