package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** {@code --feature core|local-embeddings}, repeatable; values come from the domain, not a second list. */
final class FeatureOption {

    @Option(names = "--feature", paramLabel = "FEATURE", converter = FeatureOption.Converter.class,
            completionCandidates = FeatureOption.Candidates.class,
            description = "Feature to install: ${COMPLETION-CANDIDATES} (repeatable; default core).")
    List<Feature> features = new ArrayList<>();

    FeatureSet toFeatureSet() {
        return FeatureSet.of(features);
    }

    static final class Converter implements ITypeConverter<Feature> {
        @Override
        public Feature convert(String value) {
            try {
                return Feature.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Feature.values()).map(Feature::id).iterator();
        }
    }
}
