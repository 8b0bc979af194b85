package ai.kaelio.ktx.application.port.in;

/**
 * Makes sure the runtime is ready for a command that needs it (exec, start), installing it only with the
 * user's consent: one policy for every such command.
 */
public interface EnsureRuntimeUseCase {
    EnsureResult ensure(EnsureRequest request) throws java.io.IOException, InterruptedException;
}
