package ai.kaelio.ktx.bootstrap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Builds the real bundled wheel and its manifest into a directory, as the Maven build does. */
final class TestWheels {

    private TestWheels() {
    }

    static Path repository() {
        return Path.of(System.getProperty("ktx.repository", "..")).toAbsolutePath().normalize();
    }

    static String python() {
        return System.getProperty("ktx.python", "python3");
    }

    static Path buildInto(Path assetDir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of(python(),
                repository().resolve("python/build_backend/ktx_build.py").toString(), "--out-dir", assetDir.toString()))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wheel build failed: " + output);
        }
        return assetDir;
    }
}
