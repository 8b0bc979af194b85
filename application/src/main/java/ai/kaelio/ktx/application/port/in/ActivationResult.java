package ai.kaelio.ktx.application.port.in;

import ai.kaelio.ktx.domain.RuntimeActivation;
import java.util.Objects;

/** The runtime's activation, or why there is none. */
public sealed interface ActivationResult {

    /** The variables to set and unset, against the host's environment as ktx saw it. */
    record Activated(RuntimeActivation activation) implements ActivationResult {
        public Activated {
            Objects.requireNonNull(activation, "activation");
        }
    }

    /** The runtime is not ready and was not (or could not be) installed: why, as the consent policy said. */
    record RuntimeUnavailable(EnsureResult reason) implements ActivationResult {
        public RuntimeUnavailable {
            EnsureResult.requireNotReady(reason);
        }
    }
}
