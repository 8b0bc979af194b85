package ai.kaelio.ktx.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Which embedding model the user wants: {@code --model}, else {@code KTX_EMBEDDING_MODEL}, else the
 * daemon's default. A name is a Hugging Face repository id or a local directory, as the daemon reads it.
 */
public final class EmbeddingModelSetting {

    public static final String VARIABLE = "KTX_EMBEDDING_MODEL";
    /** The daemon's own default (python/src/kaelio_ktx/embeddings/resolve.py), named here for status. */
    public static final String DEFAULT = "sentence-transformers/all-MiniLM-L6-v2";

    private EmbeddingModelSetting() {
    }

    /** What the user asked for: the option, else the variable; empty when neither, and then any model will do. */
    public static Optional<String> asked(Optional<String> option, HostEnvironment host) {
        Objects.requireNonNull(option, "option");
        return option.filter(name -> !name.isBlank()).or(() -> host.variable(VARIABLE).map(String::strip));
    }

    /** The model a daemon started now would serve. */
    public static String configured(HostEnvironment host) {
        return asked(Optional.empty(), host).orElse(DEFAULT);
    }
}
