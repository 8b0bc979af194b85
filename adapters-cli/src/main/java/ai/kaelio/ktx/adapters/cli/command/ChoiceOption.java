package ai.kaelio.ktx.adapters.cli.command;

import ai.kaelio.ktx.adapters.cli.commandline.CommandModels;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * An option whose values are an enum's, typed by their ids: parsed by the enum's own parser (its message is
 * the usage error) and completed from the enum's constants, so there is no second list to keep in step.
 */
public final class ChoiceOption<E extends Enum<E>> {

    private final OptionSpec option;

    private ChoiceOption(OptionSpec option) {
        this.option = option;
    }

    /** One value; absent unless given. */
    static <E extends Enum<E>> ChoiceOption<E> single(String name, String label, Class<E> type,
            Function<String, E> parse, Function<E, String> id, String description) {
        return new ChoiceOption<>(CommandModels.valueOption(name, label, type, converter(parse), ids(type, id), description));
    }

    /** Repeatable: each occurrence adds a value. */
    static <E extends Enum<E>> ChoiceOption<E> repeatable(String name, String label, Class<E> type,
            Function<String, E> parse, Function<E, String> id, String description) {
        return new ChoiceOption<>(CommandModels.repeatableOption(name, label, type, converter(parse), ids(type, id), description));
    }

    public OptionSpec model() {
        return option;
    }

    Optional<E> value() {
        return Optional.ofNullable(option.getValue());
    }

    List<E> values() {
        return CommandModels.valuesOf(option);
    }

    private static <E> ITypeConverter<E> converter(Function<String, E> parse) {
        return text -> {
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        };
    }

    private static <E extends Enum<E>> List<String> ids(Class<E> type, Function<E, String> id) {
        return Arrays.stream(type.getEnumConstants()).map(id).toList();
    }
}
