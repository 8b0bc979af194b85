package ai.kaelio.ktx.bootstrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One runtime installed by the real distribution for a test class, in a directory of its own, shared by the
 * class's tests ({@code @RegisterExtension static final InstalledRuntime RUNTIME = new InstalledRuntime();}).
 * After the class, every daemon started under that directory is ended and the directory removed.
 */
final class InstalledRuntime implements BeforeAllCallback, AfterAllCallback {

    private Path dir;
    private KtxRun ktx;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("ktx-installed-");
        ktx = KtxRun.against(root());
        ktx.run("runtime", "install").succeeds();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Daemons.endAllUnder(dir);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A file a killed daemon was still writing: the system's temporary directory is cleaned anyway.
        }
    }

    /** The class's own directory, which holds the runtime root and whatever else its tests put there. */
    Path dir() {
        return dir;
    }

    /** The runtime root, {@code dir()/root}. */
    Path root() {
        return dir.resolve("root");
    }

    /** This CLI version's directory under the root. */
    Path versionDir() {
        return root().resolve(Distribution.version().value());
    }

    /** The distribution, run against the root. */
    KtxRun ktx() {
        return ktx;
    }

    /** Ends the daemons the last test left under the directory. */
    void endDaemons() throws InterruptedException {
        Daemons.endAllUnder(dir);
    }
}
