package ai.kaelio.ktx.application.port.in;

import java.nio.file.Path;
import java.util.Objects;

/** Where a command's program is, or why it cannot be said. */
public sealed interface LocateResult {

    /** The absolute path of the program {@code exec} would start. */
    record Found(Path program) implements LocateResult {
        public Found {
            Objects.requireNonNull(program, "program");
        }
    }

    /** Neither the runtime's scripts directory nor PATH holds a runnable program of that name. */
    record CommandNotFound(String command) implements LocateResult {
    }

    /** The runtime is not ready: why, as the consent policy (never install) said. */
    record RuntimeUnavailable(EnsureResult reason) implements LocateResult {
        public RuntimeUnavailable {
            EnsureResult.requireNotReady(reason);
        }
    }
}
