package ai.kaelio.ktx.adapters.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The project's wheel, built by the real backend once per test run and shared by every class that
 * registers this extension ({@code @RegisterExtension static final BuiltWheel WHEEL = new BuiltWheel();}).
 * The build is kept in the run's root store and deleted when the run ends.
 */
final class BuiltWheel implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BuiltWheel.class);

    private Path wheel;

    @Override
    public void beforeAll(ExtensionContext context) {
        wheel = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("wheel", key -> build(), Build.class).wheel();
    }

    /** The wheel file; only from a test or a {@code @BeforeAll} that runs after this extension's. */
    Path path() {
        if (wheel == null) {
            throw new IllegalStateException("The wheel is built before all tests of a class that registers BuiltWheel");
        }
        return wheel;
    }

    private static Build build() {
        try {
            Path dir = Files.createTempDirectory("ktx-wheel-");
            return new Build(dir, ProcessFixtures.buildWheel(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Build(Path dir, Path wheel) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws IOException {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
