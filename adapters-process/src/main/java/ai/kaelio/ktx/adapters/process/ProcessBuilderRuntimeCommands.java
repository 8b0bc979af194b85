package ai.kaelio.ktx.adapters.process;

import ai.kaelio.ktx.application.port.out.RuntimeCommands;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.RuntimeActivation;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    public Optional<Path> locate(EnvironmentLayout environment, String program) {
        return locate(RuntimeActivation.of(host, environment), program);
    }

    @Override
    public Outcome run(EnvironmentLayout environment, List<String> command) throws IOException, InterruptedException {
        RuntimeActivation activation = RuntimeActivation.of(host, environment);
        String name = command.get(0);
        Optional<Path> program = locate(activation, name);
        if (program.isEmpty()) {
            return finder.whyNotRunnable(name).<Outcome>map(reason -> new NotStarted(name, reason))
                    .orElseGet(() -> new NotFound(name));
        }
        List<String> argv = new ArrayList<>(command);
        argv.set(0, program.get().toString());
        ProcessBuilder builder = new ProcessBuilder(argv).inheritIO();
        builder.environment().clear();
        builder.environment().putAll(activation.applyTo(host));
        try (SignalForwarding signals = SignalForwarding.install()) {
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                return new NotStarted(name, reason(e));
            }
            signals.forwardTo(process);
            return new Exited(waitFor(process));
        }
    }

    /** Searched in the activated PATH, the child's own: the JDK would search the JVM's PATH instead. */
    private Optional<Path> locate(RuntimeActivation activation, String program) {
        return finder.find(program, ExecutableFinder.directories(activation.searchPath()));
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
