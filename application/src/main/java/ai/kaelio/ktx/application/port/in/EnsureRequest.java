package ai.kaelio.ktx.application.port.in;

import ai.kaelio.ktx.domain.FeatureSet;
import java.util.Objects;

/** The features a command needs, whether it may install them, and whom to ask. */
public record EnsureRequest(FeatureSet features, InstallConsent consent, Confirmation confirmation, InstallObserver observer) {
    public EnsureRequest {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(confirmation, "confirmation");
        Objects.requireNonNull(observer, "observer");
    }
}
