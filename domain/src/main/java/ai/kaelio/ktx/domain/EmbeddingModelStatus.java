package ai.kaelio.ktx.domain;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The embedding model {@code ktx embed} would use now: its name, where its files are (a local directory,
 * the Hugging Face cache, or nowhere yet), and, when a running daemon serves it, what that daemon says.
 *
 * @param where the directory itself, the model's folder in the cache, or where in the cache it would go
 */
public record EmbeddingModelStatus(String name, Source source, Path where, Optional<ServedModel> served) {

    public enum Source {
        DIRECTORY, CACHE, NOT_CACHED;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public EmbeddingModelStatus {
        AssetManifest.requireText(name, "model name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(served, "served");
    }
}
