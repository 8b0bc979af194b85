package ai.kaelio.ktx.application.testing;

import ai.kaelio.ktx.application.port.out.RuntimeCommands;
import ai.kaelio.ktx.domain.EnvironmentLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Records each command it is asked to run, and in which environment; ends as scripted (default: exit 0). */
public final class RecordingRuntimeCommands implements RuntimeCommands {

    /** One command run in one environment. */
    public record Run(EnvironmentLayout environment, List<String> command) {
    }

    private final List<Run> runs = new ArrayList<>();
    private Outcome outcome = new Exited(0);
    private final List<Run> lookups = new ArrayList<>();
    private Optional<Path> directory = Optional.empty();
    private java.util.function.Consumer<EnvironmentLayout> whileRunning = environment -> { };

    public RecordingRuntimeCommands endsWith(Outcome scripted) {
        this.outcome = scripted;
        return this;
    }

    /** Runs as each command "runs", e.g. to see what it holds meanwhile. */
    public RecordingRuntimeCommands whileRunning(java.util.function.Consumer<EnvironmentLayout> hook) {
        this.whileRunning = hook;
        return this;
    }

    /** Scripts what {@link #locate} finds: {@code directory/<program>}. */
    public RecordingRuntimeCommands findsIn(Path directory) {
        this.directory = Optional.of(directory);
        return this;
    }

    @Override
    public synchronized Optional<Path> locate(EnvironmentLayout environment, String program) {
        lookups.add(new Run(environment, List.of(program)));
        return directory.map(found -> found.resolve(program));
    }

    public synchronized List<Run> lookups() {
        return List.copyOf(lookups);
    }

    @Override
    public synchronized Outcome run(EnvironmentLayout environment, List<String> command) {
        runs.add(new Run(environment, List.copyOf(command)));
        whileRunning.accept(environment);
        return outcome;
    }

    public synchronized List<Run> runs() {
        return List.copyOf(runs);
    }
}
