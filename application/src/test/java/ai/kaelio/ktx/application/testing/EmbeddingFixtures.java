package ai.kaelio.ktx.application.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The embedding fixtures the Python tests build and cache outside the repository ({@code
 * python/tests/embedding_envs.py}): a venv with the {@code local-embeddings} extra, tiny seeded models in
 * the real on-disk layout, the reference texts and the vectors sentence-transformers gives for them. Built
 * on first use (about a minute on a fresh machine), then read from the cache; one copy per test JVM.
 */
public final class EmbeddingFixtures {

    /** sentence-transformers' vectors must be met this closely, as in the Python tests. */
    public static final double TOLERANCE = 1e-5;

    public record Model(String name, int dimensions, Path directory, List<float[]> embeddings) {
    }

    private static EmbeddingFixtures loaded;

    private final Path repository;
    private final Path runtimePython;
    private final List<String> texts;
    private final Map<String, Model> models;

    private EmbeddingFixtures(Path repository, Path runtimePython, List<String> texts, Map<String, Model> models) {
        this.repository = repository;
        this.runtimePython = runtimePython;
        this.texts = List.copyOf(texts);
        this.models = Map.copyOf(models);
    }

    public static synchronized EmbeddingFixtures get() throws IOException, InterruptedException {
        if (loaded == null) {
            loaded = load(repository());
        }
        return loaded;
    }

    /** The checkout's root: the nearest directory above the working one that holds the Python package. */
    public static Path repository() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isRegularFile(directory.resolve("python/tests/embedding_envs.py"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("No python/tests/embedding_envs.py above " + Path.of("").toAbsolutePath());
        }
        return directory;
    }

    /** The interpreter of a venv that has the daemon's {@code local-embeddings} dependencies (not the package). */
    public Path runtimePython() {
        return runtimePython;
    }

    /** {@code python/src}, to put on {@code PYTHONPATH} beside {@link #runtimePython()}. */
    public Path pythonSource() {
        return repository.resolve("python/src");
    }

    public List<String> texts() {
        return texts;
    }

    public Model model(String name) {
        Model model = models.get(name);
        if (model == null) {
            throw new IllegalArgumentException("No fixture model " + name + "; there are " + models.keySet());
        }
        return model;
    }

    /** Equal within {@link #TOLERANCE}, element by element; the message names the worst difference. */
    public static void assertClose(float[] actual, float[] expected, String what) {
        if (actual.length != expected.length) {
            throw new AssertionError(what + ": " + actual.length + " dimensions, expected " + expected.length);
        }
        for (int i = 0; i < actual.length; i++) {
            if (Math.abs(actual[i] - expected[i]) > TOLERANCE) {
                throw new AssertionError(what + ": dimension " + i + " is " + actual[i] + ", expected " + expected[i]);
            }
        }
    }

    private static EmbeddingFixtures load(Path repository) throws IOException, InterruptedException {
        Path out = Files.createTempFile("ktx-embedding-fixtures", ".txt");
        try {
            Process process = new ProcessBuilder(python(), "tests/embedding_envs.py", "--lines")
                    .directory(repository.resolve("python").toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .start();
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("Building the embedding fixtures took over 15 minutes");
            }
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("Building the embedding fixtures failed:\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
            return parse(repository, lines);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static EmbeddingFixtures parse(Path repository, List<String> lines) {
        Path runtime = null;
        List<String> texts = new ArrayList<>();
        Map<String, String[]> heads = new HashMap<>();
        Map<String, List<float[]>> vectors = new HashMap<>();
        for (String line : lines) {
            String[] words = line.split(" ");
            switch (words[0]) {
                case "runtime" -> runtime = Path.of(line.substring("runtime ".length()));
                case "text" -> texts.add(new String(HexFormat.of().parseHex(words[1]), StandardCharsets.UTF_8));
                case "model" -> heads.put(words[1], line.split(" ", 4));
                case "vector" -> {
                    float[] vector = new float[words.length - 3];
                    for (int i = 0; i < vector.length; i++) {
                        vector[i] = Float.parseFloat(words[i + 3]);
                    }
                    vectors.computeIfAbsent(words[1], name -> new ArrayList<>()).add(vector);
                }
                default -> {
                    // pip's or the builder's chatter
                }
            }
        }
        if (runtime == null || texts.isEmpty() || heads.isEmpty()) {
            throw new IllegalStateException("The embedding fixtures' description is incomplete:\n" + String.join("\n", lines));
        }
        Map<String, Model> models = new HashMap<>();
        heads.forEach((name, head) -> models.put(name,
                new Model(name, Integer.parseInt(head[2]), Path.of(head[3]), vectors.getOrDefault(name, List.of()))));
        return new EmbeddingFixtures(repository, runtime, texts, models);
    }

    /** As the bootstrap tests' {@code ktx.python}: the interpreter that builds the wheel and runs the Python tests. */
    private static String python() {
        return System.getProperty("ktx.python", "python3");
    }
}
