package ai.kaelio.ktx.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** An installable part of the runtime. Declaration order is the contract's normal order. */
public enum Feature {
    CORE("core"),
    LOCAL_EMBEDDINGS("local-embeddings");

    private final String id;

    Feature(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Feature> fromId(String id) {
        return Arrays.stream(values()).filter(feature -> feature.id.equals(id)).findFirst();
    }

    public static Feature parse(String id) {
        return fromId(id).orElseThrow(() -> new IllegalArgumentException(
                "Unknown runtime feature '" + id + "': expected one of " + allIds()));
    }

    public static String allIds() {
        return Arrays.stream(values()).map(Feature::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
