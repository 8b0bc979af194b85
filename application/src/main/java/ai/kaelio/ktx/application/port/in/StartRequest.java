package ai.kaelio.ktx.application.port.in;

import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import java.util.Objects;
import java.util.Optional;

/**
 * What the daemon must offer, whether a healthy daemon is replaced anyway ({@code force}), and the
 * install consent for a runtime that is not ready. A {@code model} (the {@code --model} option) is an
 * embedding model the daemon must serve, so it asks for {@code local-embeddings} too; without one,
 * {@code KTX_EMBEDDING_MODEL} says which, and without that any model will do.
 */
public record StartRequest(FeatureSet features, Optional<String> model, boolean force, InstallConsent consent,
        Confirmation confirmation, InstallObserver observer) {

    public StartRequest {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(model, "model");
        if (model.isPresent()) {
            if (model.get().isBlank()) {
                throw new IllegalArgumentException("An embedding model name must not be blank");
            }
            features = features.union(FeatureSet.of(Feature.LOCAL_EMBEDDINGS));
        }
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(confirmation, "confirmation");
        Objects.requireNonNull(observer, "observer");
    }

    /** Any model, or the one {@code KTX_EMBEDDING_MODEL} names. */
    public StartRequest(FeatureSet features, boolean force, InstallConsent consent, Confirmation confirmation,
            InstallObserver observer) {
        this(features, Optional.empty(), force, consent, confirmation, observer);
    }
}
