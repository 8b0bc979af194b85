package ai.kaelio.ktx.bootstrap;

import ai.kaelio.ktx.domain.HostEnvironment;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The build's training run for the class-data-sharing archive: runs the everyday commands once, in one
 * JVM, against a throwaway runtime root, so the classes they load are archived and load fast later.
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    /** Beside the archive: where and for which JDK it was built, compared by {@code bin/ktx} before using it. */
    static final String KEY_FILE = "lib/ktx.jsa.key";

    public static void main(String[] args) throws IOException {
        Files.writeString(Distribution.home().resolve(KEY_FILE), archiveKey(Distribution.home(),
                Path.of(System.getProperty("java.home"))) + "\n");
        Main.configureForShortRun();
        Path root = Files.createTempDirectory("ktx-cds-training");
        try {
            Map<String, String> variables = new HashMap<>(System.getenv());
            // The developer's own ktx settings must not steer the build's training run.
            variables.keySet().removeIf(name -> name.startsWith("KTX_"));
            variables.put("KTX_RUNTIME_ROOT", root.toString());
            variables.put("PIP_RETRIES", "0");
            HostEnvironment current = Main.currentHost();
            HostEnvironment host = new HostEnvironment(current.platform(), variables, current.accountHome());
            PrintWriter sink = new PrintWriter(new StringWriter());
            for (String[] command : new String[][] {
                    {"--version"}, {"--help"}, {"runtime", "--help"}, {"runtime", "status"},
                    {"runtime", "status", "--json"}, {"runtime", "prune", "--dry-run"}, {"runtime", "nonsense"},
                    // A real install (the build has Python already), then the ready path everyone repeats.
                    {"runtime", "install"}, {"runtime", "install"}, {"runtime", "status"}, {"runtime", "status", "--json"},
                    {"runtime", "doctor"},
                    // What shell start-up files run: eval "$(ktx runtime env)".
                    {"runtime", "env"}, {"runtime", "which", "python"}}) {
                Main.run(host, Distribution.home(), sink, sink, command);
            }
        } finally {
            try (var files = Files.walk(root)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * Two lines: the distribution's real path, and the real path of the java executable that built the
     * archive. The JVM refuses an archive made elsewhere or by another JDK, and then starts with no class
     * sharing at all, so the launcher must know before it asks for the archive (see {@code bin/ktx}).
     */
    static String archiveKey(Path home, Path javaHome) throws IOException {
        return home.toRealPath() + "\n" + javaHome.resolve("bin/java").toRealPath();
    }
}
