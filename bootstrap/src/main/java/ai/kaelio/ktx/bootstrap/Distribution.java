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

    static CliVersion version() {
        Properties properties = new Properties();
        try (InputStream in = Distribution.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the ktx build");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CliVersion(properties.getProperty("version"));
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
