package ai.kaelio.ktx.adapters.process;

import ai.kaelio.ktx.application.testing.EmbeddingFixtures;
import ai.kaelio.ktx.domain.DaemonEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code ktx-daemon serve-http} from {@code python/src}, run by the embedding fixtures' venv and
 * serving a model of their choosing, offline. Stopped (forcibly) on close.
 */
final class FixtureDaemon implements AutoCloseable {

    static final String TOKEN = "fixture-daemon-token-0123456789";
    private static final Pattern PORT = Pattern.compile("\"port\"\\s*:\\s*(\\d+)");

    private final Process process;
    private final DaemonEndpoint endpoint;
    private final Path log;

    private FixtureDaemon(Process process, DaemonEndpoint endpoint, Path log) {
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
    }

    static FixtureDaemon serving(String model, Path workDir) throws IOException, InterruptedException {
        EmbeddingFixtures fixtures = EmbeddingFixtures.get();
        Path ready = workDir.resolve("ready.json");
        Path log = workDir.resolve("daemon.log");
        ProcessBuilder builder = new ProcessBuilder(fixtures.runtimePython().toString(), "-m", "kaelio_ktx",
                "serve-http", "--host", "127.0.0.1", "--port", "0", "--ready-file", ready.toString(),
                "--log-file", log.toString(), "--model", model)
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve("daemon.out").toFile());
        builder.environment().put("PYTHONPATH", fixtures.pythonSource().toString());
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        builder.environment().put("HF_HUB_OFFLINE", "1");
        builder.environment().put("KTX_DAEMON_TOKEN", TOKEN);
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (Files.exists(ready)) {
                Matcher port = PORT.matcher(Files.readString(ready));
                if (port.find()) {
                    return new FixtureDaemon(process, new DaemonEndpoint("127.0.0.1", Integer.parseInt(port.group(1)), TOKEN), log);
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("The daemon exited with " + process.exitValue() + ":\n"
                        + Files.readString(workDir.resolve("daemon.out")));
            }
            Thread.sleep(20);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The daemon was not ready within 30 s");
    }

    DaemonEndpoint endpoint() {
        return endpoint;
    }

    DaemonEndpoint endpoint(String token) {
        return new DaemonEndpoint(endpoint.host(), endpoint.port(), token);
    }

    Path log() {
        return log;
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
