package ai.kaelio.ktx.application.port.in;

/**
 * Runs a user's command inside the managed runtime, making sure the runtime is there first under the
 * one install-consent policy ({@link EnsureRuntimeUseCase}).
 */
public interface ExecInRuntimeUseCase {
    ExecResult exec(ExecRequest request) throws java.io.IOException, InterruptedException;
}
