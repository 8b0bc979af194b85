package ai.kaelio.ktx.adapters.process;

import ai.kaelio.ktx.application.port.out.RuntimeCommands;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.Platform;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a user's command in the runtime with the JDK's ProcessBuilder and inherited streams (zt-exec would
 * pump them through ktx), so terminals, pipes and interactive programs see the real thing.
 */
final class ProcessBuilderRuntimeCommands implements RuntimeCommands {

    private static final long GRACE_MILLIS = 5_000;

    private final HostEnvironment host;
    private final ExecutableFinder finder;

    @Inject
    ProcessBuilderRuntimeCommands(HostEnvironment host, ExecutableFinder finder) {
        this.host = host;
        this.finder = finder;
    }

    @Override
    public Outcome run(EnvironmentLayout environment, List<String> command) throws IOException, InterruptedException {
        Path scripts = environment.pythonPath().getParent();
        // Resolved here, against the child's PATH: the JDK would search the JVM's own PATH instead.
        List<Path> searchPath = new ArrayList<>();
        searchPath.add(scripts);
        searchPath.addAll(finder.pathDirectories());
        Optional<Path> program = finder.find(command.get(0), searchPath);
        if (program.isEmpty()) {
            String name = command.get(0);
            return finder.whyNotRunnable(name).<Outcome>map(reason -> new NotStarted(name, reason))
                    .orElseGet(() -> new NotFound(name));
        }
        List<String> argv = new ArrayList<>(command);
        argv.set(0, program.get().toString());
        ProcessBuilder builder = new ProcessBuilder(argv).inheritIO();
        builder.environment().clear();
        builder.environment().putAll(childEnvironment(environment.venvDir(), scripts));
        try (SignalForwarding signals = SignalForwarding.install()) {
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                return new NotStarted(command.get(0), reason(e));
            }
            signals.forwardTo(process);
            return new Exited(waitFor(process));
        }
    }

    /** What activating the environment would give: its scripts first on PATH, VIRTUAL_ENV, no PYTHONHOME. */
    Map<String, String> childEnvironment(Path venvDir, Path scripts) {
        Map<String, String> variables = new HashMap<>(host.variables());
        String pathName = variableName(variables, "PATH");
        String path = host.variable("PATH").map(value -> scripts + File.pathSeparator + value).orElse(scripts.toString());
        variables.put(pathName, path);
        variables.put(variableName(variables, "VIRTUAL_ENV"), venvDir.toString());
        variables.remove(variableName(variables, "PYTHONHOME"));
        return variables;
    }

    /** Windows names variables case-insensitively ("Path"): reuse the spelling already there. */
    private String variableName(Map<String, String> variables, String name) {
        if (host.platform() != Platform.WINDOWS) {
            return name;
        }
        return variables.keySet().stream().filter(key -> key.equalsIgnoreCase(name)).findFirst().orElse(name);
    }

    /** If ktx itself is interrupted (a cancelled shell command), the child goes too, then ktx stops waiting. */
    private static int waitFor(Process process) throws InterruptedException {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            if (!process.waitFor(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            throw e;
        }
    }

    /** The JDK says "Cannot run program "x": error=13, Permission denied"; the cause's last part is the news. */
    private static String reason(IOException e) {
        String message = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
        int comma = message == null ? -1 : message.indexOf(", ");
        return comma >= 0 && message.startsWith("error=") ? message.substring(comma + 2) : String.valueOf(message);
    }
}
