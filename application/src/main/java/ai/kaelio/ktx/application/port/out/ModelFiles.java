package ai.kaelio.ktx.application.port.out;

import ai.kaelio.ktx.domain.EmbeddingModelStatus;
import java.nio.file.Path;

/** Finds an embedding model's files on this machine without fetching anything. */
public interface ModelFiles {

    /** Whether {@code name} is a local directory, a repository in the Hugging Face cache, or neither yet. */
    Location locate(String name);

    /** @param where the directory, the repository's folder in the cache, or where it would be */
    record Location(EmbeddingModelStatus.Source source, Path where) {
    }
}
