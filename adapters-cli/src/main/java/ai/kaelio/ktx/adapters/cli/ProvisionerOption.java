package ai.kaelio.ktx.adapters.cli;

import ai.kaelio.ktx.domain.ProvisionerChoice;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --provisioner auto|uv|venv}; when absent, KTX_PROVISIONER decides. */
final class ProvisionerOption {

    private final OptionSpec option = CommandModels.valueOption("--provisioner", "PROVISIONER", ProvisionerChoice.class,
            new Converter(), new Candidates(),
            "How to build the environment: ${COMPLETION-CANDIDATES} (default: KTX_PROVISIONER, else auto).");

    OptionSpec model() {
        return option;
    }

    Optional<ProvisionerChoice> choice() {
        return Optional.ofNullable(option.getValue());
    }

    static final class Converter implements ITypeConverter<ProvisionerChoice> {
        @Override
        public ProvisionerChoice convert(String value) {
            try {
                return ProvisionerChoice.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(ProvisionerChoice.values()).map(ProvisionerChoice::id).iterator();
        }
    }
}
