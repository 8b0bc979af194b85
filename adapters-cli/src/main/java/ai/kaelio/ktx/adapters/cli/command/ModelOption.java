package ai.kaelio.ktx.adapters.cli.command;

import ai.kaelio.ktx.adapters.cli.commandline.CommandModels;
import ai.kaelio.ktx.domain.EmbeddingModelSetting;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.OptionSpec;

/** {@code --model MODEL}: the embedding model the daemon must serve; when absent, KTX_EMBEDDING_MODEL decides. */
final class ModelOption {

    private final OptionSpec option = CommandModels.valueOption("--model", "MODEL", String.class, ModelOption::name,
            List.of(), "The embedding model: a Hugging Face repository id or a local directory (default: "
                    + EmbeddingModelSetting.VARIABLE + ", else " + EmbeddingModelSetting.DEFAULT
                    + "). A running daemon that serves another model is replaced.");

    OptionSpec model() {
        return option;
    }

    /** A directory given relative to here is made absolute: the daemon runs in a directory of its own. */
    Optional<String> name() {
        return Optional.<String>ofNullable(option.getValue()).map(ModelOption::absoluteIfDirectory);
    }

    private static String absoluteIfDirectory(String name) {
        try {
            Path path = Path.of(name);
            return Files.isDirectory(path) ? path.toAbsolutePath().normalize().toString() : name;
        } catch (InvalidPathException e) {
            return name;
        }
    }

    private static String name(String value) {
        if (value.isBlank()) {
            throw new picocli.CommandLine.TypeConversionException(
                    "The model name is empty; give a Hugging Face repository id or a directory");
        }
        return value;
    }
}
