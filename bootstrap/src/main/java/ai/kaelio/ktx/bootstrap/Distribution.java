package ai.kaelio.ktx.bootstrap;

import ai.kaelio.ktx.domain.CliVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Properties;

/** Where this ktx was started from, and which version it is. */
final class Distribution {

    static final String HOME_PROPERTY = "ktx.home";

    private Distribution() {
    }

    /**
     * In the distribution the jar's manifest names the version; the JVM read it when it loaded this class,
     * so asking costs nothing, while a resource lookup costs a few milliseconds of every command. Compiled
     * classes (tests) have no manifest and read the filtered {@code version.properties}; both come from the
     * build's project version.
     */
    static CliVersion version() {
        String fromManifest = Distribution.class.getPackage().getImplementationVersion();
        return new CliVersion(fromManifest != null ? fromManifest : fromProperties());
    }

    private static String fromProperties() {
        Properties properties = new Properties();
        try (InputStream in = Distribution.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the ktx build");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    /** {@code bin/ktx} passes its home; otherwise the jar's own place ({@code <home>/lib/*.jar}) tells. */
    static Path home() {
        String property = System.getProperty(HOME_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        try {
            Path jar = Path.of(Distribution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("").toAbsolutePath();
        }
    }

    static Path assetDir(Path home) {
        return home.resolve("assets").resolve("python");
    }
}
