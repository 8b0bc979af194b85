package ai.kaelio.ktx.application.port.in;

import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import java.util.Objects;
import java.util.Optional;

/**
 * Texts to embed, the model asked for (empty: {@code KTX_EMBEDDING_MODEL}, else whatever the daemon serves),
 * how many texts go in one request, and the consent to install the runtime they need.
 */
public record EmbedRequest(TextSource texts, Optional<String> model, int batchSize, InstallConsent consent,
        Confirmation confirmation, InstallObserver observer) {

    public static final int DEFAULT_BATCH_SIZE = 1024;
    /** The daemon's own limit of inputs per request. */
    public static final int MAX_BATCH_SIZE = 2048;

    public EmbedRequest {
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(confirmation, "confirmation");
        Objects.requireNonNull(observer, "observer");
        if (model.isPresent() && model.get().isBlank()) {
            throw new IllegalArgumentException("The model name is empty; give a Hugging Face repository id or a directory");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("The batch size must be between 1 and " + MAX_BATCH_SIZE + ", not " + batchSize);
        }
    }

    /** What the daemon must offer. */
    public static FeatureSet features() {
        return FeatureSet.of(Feature.LOCAL_EMBEDDINGS);
    }
}
