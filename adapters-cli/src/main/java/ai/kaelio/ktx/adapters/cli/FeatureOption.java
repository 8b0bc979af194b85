package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import java.util.Arrays;
import java.util.Iterator;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --feature core|local-embeddings}, repeatable; values come from the domain, not a second list. */
final class FeatureOption {

    private final OptionSpec option = CommandModels.repeatableOption("--feature", "FEATURE", Feature.class,
            new Converter(), new Candidates(), "Feature to install: ${COMPLETION-CANDIDATES} (repeatable; default core).");

    OptionSpec model() {
        return option;
    }

    FeatureSet toFeatureSet() {
        return FeatureSet.of(CommandModels.valuesOf(option));
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
