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

    public static void main(String[] args) throws IOException {
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
}
