package ai.kaelio.ktx.application.port.in;

import java.util.List;
import java.util.Objects;

/**
 * A command line to run inside the runtime ({@code command.get(0)} is the program, the rest its arguments,
 * passed through untouched) and what the runtime must offer it, with the consent to install it.
 */
public record ExecRequest(List<String> command, EnsureRequest runtime) {

    public ExecRequest {
        Objects.requireNonNull(runtime, "runtime");
        command = List.copyOf(command);
        if (command.isEmpty() || command.get(0).isBlank()) {
            throw new IllegalArgumentException("No command to run");
        }
    }

    public String program() {
        return command.get(0);
    }
}
