package ai.kaelio.ktx.adapters.fs;

import ai.kaelio.ktx.application.port.out.ModelFiles;
import ai.kaelio.ktx.domain.EmbeddingModelStatus.Source;
import ai.kaelio.ktx.domain.HostEnvironment;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A model name as the daemon reads it: an existing directory, else a Hugging Face repository id, looked for
 * in the hub's cache where {@code huggingface_hub} keeps it ({@code HF_HUB_CACHE}, else {@code HF_HOME/hub},
 * else {@code $XDG_CACHE_HOME/huggingface/hub}, else {@code ~/.cache/huggingface/hub}) as
 * {@code models--<org>--<name>} with at least one snapshot.
 */
final class HuggingFaceModelFiles implements ModelFiles {

    private final HostEnvironment host;

    @Inject
    HuggingFaceModelFiles(HostEnvironment host) {
        this.host = host;
    }

    @Override
    public Location locate(String name) {
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            return new Location(Source.NOT_CACHED, cache());
        }
        if (Files.isDirectory(path)) {
            return new Location(Source.DIRECTORY, path.toAbsolutePath().normalize());
        }
        if (path.isAbsolute() || name.startsWith(".") || name.startsWith("~") || name.split("/", -1).length > 2) {
            // Meant as a directory, which is not there: no repository id looks like this.
            return new Location(Source.NOT_CACHED, path.toAbsolutePath().normalize());
        }
        Path repository = cache().resolve("models--" + name.replace("/", "--"));
        return new Location(hasSnapshot(repository) ? Source.CACHE : Source.NOT_CACHED, repository);
    }

    Path cache() {
        return host.variable("HF_HUB_CACHE").map(Path::of)
                .or(() -> host.variable("HF_HOME").map(home -> Path.of(home, "hub")))
                .or(() -> host.variable("XDG_CACHE_HOME").map(cache -> Path.of(cache, "huggingface", "hub")))
                .orElseGet(() -> host.home().resolve(".cache/huggingface/hub"));
    }

    private static boolean hasSnapshot(Path repository) {
        try (Stream<Path> snapshots = Files.list(repository.resolve("snapshots"))) {
            return snapshots.anyMatch(Files::isDirectory);
        } catch (IOException e) {
            return false;
        }
    }
}
