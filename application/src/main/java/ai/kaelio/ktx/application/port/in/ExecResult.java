package ai.kaelio.ktx.application.port.in;

/** How running a command in the runtime ended. Only {@link Exited} means the command ran. */
public sealed interface ExecResult {

    /** The command ran and exited with {@code exitCode} (128 + n when a signal n ended it). */
    record Exited(int exitCode) implements ExecResult {
    }

    /** Neither the runtime's scripts directory nor PATH holds the program; nothing was started. */
    record CommandNotFound(String command) implements ExecResult {
    }

    /** The program was found but the system would not start it (not a valid executable, permission denied…). */
    record CannotStart(String command, String reason) implements ExecResult {
    }

    /** The runtime is not ready and was not (or could not be) installed: why, as the consent policy said. */
    record RuntimeUnavailable(EnsureResult reason) implements ExecResult {
        public RuntimeUnavailable {
            EnsureResult.requireNotReady(reason);
        }
    }
}
