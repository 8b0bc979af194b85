package ai.kaelio.ktx.application.port.in;

import java.io.IOException;

/**
 * What activating the runtime means, for the user's own shell to apply ({@code ktx runtime env}): the
 * runtime is made sure of first under the one install-consent policy, and nothing is run in it.
 */
public interface ActivateRuntimeUseCase {
    ActivationResult activate(EnsureRequest runtime) throws IOException, InterruptedException;
}
