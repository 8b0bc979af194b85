package ai.kaelio.ktx.domain;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A normalised set of features: always contains {@code core}, ordered as {@link Feature} declares.
 * Normalising on construction means two sets that mean the same thing are equal.
 */
public record FeatureSet(List<Feature> features) {

    public FeatureSet {
        EnumSet<Feature> normal = EnumSet.of(Feature.CORE);
        normal.addAll(features);
        features = List.copyOf(normal);
    }

    public static FeatureSet core() {
        return new FeatureSet(List.of());
    }

    public static FeatureSet of(Feature... features) {
        return new FeatureSet(List.of(features));
    }

    public static FeatureSet of(Collection<Feature> features) {
        return new FeatureSet(List.copyOf(features));
    }

    public static FeatureSet parse(Collection<String> ids) {
        return of(ids.stream().map(Feature::parse).toList());
    }

    public boolean covers(FeatureSet requested) {
        return features.containsAll(requested.features);
    }

    public FeatureSet union(FeatureSet other) {
        EnumSet<Feature> all = EnumSet.copyOf(features);
        all.addAll(other.features);
        return of(all);
    }

    public boolean contains(Feature feature) {
        return features.contains(feature);
    }

    /** The features that are installed as package extras, that is, everything but core. */
    public List<Feature> extras() {
        return features.stream().filter(feature -> feature != Feature.CORE).toList();
    }

    public List<String> ids() {
        return features.stream().map(Feature::id).toList();
    }

    @Override
    public String toString() {
        return features.stream().map(Feature::id).collect(Collectors.joining(", "));
    }
}
