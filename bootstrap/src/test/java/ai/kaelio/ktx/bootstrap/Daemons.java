package ai.kaelio.ktx.bootstrap;

import static ai.kaelio.ktx.application.testing.ProcessWaits.awaitEnded;
import static ai.kaelio.ktx.application.testing.ProcessWaits.isZombie;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the daemon end-to-end tests need from outside ktx: its state file, raw HTTP, and the process table. */
final class Daemons {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Daemons() {
    }

    static JsonNode state(Path statePath) throws IOException {
        return JSON.readTree(statePath.toFile());
    }

    record Answer(int status, String body) {
    }

    /** {@code GET /health} as any program would send it; a null token sends no Authorization header. */
    static Answer health(int port, String token) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/health").toURL()
                .openConnection(Proxy.NO_PROXY);
        connection.setConnectTimeout(2000);
        connection.setReadTimeout(5000);
        if (token != null) {
            connection.setRequestProperty("Authorization", "Bearer " + token);
        }
        try {
            int status = connection.getResponseCode();
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            return new Answer(status, stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            connection.disconnect();
        }
    }

    /** Live {@code ktx-daemon serve-http} processes whose command line mentions {@code path} (their runtime root). */
    static List<ProcessHandle> daemonsUnder(Path path) {
        try (var all = ProcessHandle.allProcesses()) {
            return all.filter(handle -> isDaemon(handle) && commandLine(handle).contains(path.toString()))
                    .filter(handle -> !isZombie(handle.pid()))
                    .toList();
        }
    }

    /** This user's live ktx daemons that are not under {@code path}: other test runs or the user's own. */
    static List<ProcessHandle> daemonsElsewhere(Path path) {
        Optional<String> me = ProcessHandle.current().info().user();
        try (var all = ProcessHandle.allProcesses()) {
            return all.filter(handle -> isDaemon(handle) && !commandLine(handle).contains(path.toString()))
                    .filter(handle -> handle.info().user().equals(me) && !isZombie(handle.pid()))
                    .toList();
        }
    }

    /** Ends every daemon under {@code path}, whatever ktx did or failed to do, and waits until each is gone. */
    static void endAllUnder(Path path) throws InterruptedException {
        List<ProcessHandle> daemons = daemonsUnder(path);
        daemons.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle daemon : daemons) {
            awaitEnded(daemon.pid(), Duration.ofSeconds(10));
        }
    }

    static boolean isRunning(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !isZombie(pid);
    }

    /** The local addresses listening on {@code port}, from Linux's socket tables, e.g. {@code 127.0.0.1}. */
    static List<String> listeningAddresses(int port) throws IOException {
        List<String> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.strip().split("\\s+");
                String[] local = fields[1].split(":");
                boolean listening = fields[3].equals("0A");
                if (listening && Integer.parseInt(local[1], 16) == port) {
                    addresses.add(decode(local[0]));
                }
            }
        }
        return addresses;
    }

    private static String decode(String hex) {
        if (hex.length() == 8) {
            // IPv4, little-endian on the machines we run on.
            return Integer.parseInt(hex.substring(6, 8), 16) + "." + Integer.parseInt(hex.substring(4, 6), 16) + "."
                    + Integer.parseInt(hex.substring(2, 4), 16) + "." + Integer.parseInt(hex.substring(0, 2), 16);
        }
        return hex.toLowerCase(Locale.ROOT);
    }

    private static boolean isDaemon(ProcessHandle handle) {
        String line = commandLine(handle);
        return line.contains("ktx-daemon") && line.contains("serve-http");
    }

    private static String commandLine(ProcessHandle handle) {
        return handle.info().commandLine().orElse("");
    }
}
