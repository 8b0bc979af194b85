package ai.kaelio.ktx.application.port.out;

import ai.kaelio.ktx.domain.EnvironmentLayout;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs a user's command inside an installed environment, as that environment's activation would (its
 * scripts directory first on PATH, {@code VIRTUAL_ENV} set), with the user's own stdin, stdout and stderr,
 * and waits for it. Interrupts and termination requests meant for ktx go to the command instead.
 */
public interface RuntimeCommands {

    /**
     * The program {@link #run} would start for {@code program}: a name is searched in the environment's
     * scripts directory, then on PATH; a path is taken as given. Empty when nothing runnable is there.
     */
    Optional<Path> locate(EnvironmentLayout environment, String program);

    /** @param command the program (a name looked up in the environment then on PATH, or a path) and its arguments */
    Outcome run(EnvironmentLayout environment, List<String> command) throws IOException, InterruptedException;

    sealed interface Outcome {
    }

    record Exited(int exitCode) implements Outcome {
    }

    record NotFound(String command) implements Outcome {
    }

    record NotStarted(String command, String reason) implements Outcome {
    }
}
