package ai.kaelio.ktx.domain;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The embedding model a running daemon serves, as it tells it: the name it was started with (a Hugging
 * Face repository id or a directory), whether it has loaded it yet, and, once loaded, its dimensions.
 */
public record ServedModel(String name, boolean loaded, OptionalInt dimensions) {

    public ServedModel {
        AssetManifest.requireText(name, "model name");
        Objects.requireNonNull(dimensions, "dimensions");
    }
}
