package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.application.port.in.ActivateRuntimeUseCase;
import ai.kaelio.ktx.application.port.in.ActivationResult;
import ai.kaelio.ktx.application.port.in.EnsureRequest;
import ai.kaelio.ktx.application.port.in.EnsureResult;
import ai.kaelio.ktx.application.port.in.EnsureRuntimeUseCase;
import ai.kaelio.ktx.domain.HostEnvironment;
import ai.kaelio.ktx.domain.RuntimeActivation;
import java.io.IOException;

/** Makes sure of the runtime as its request allows, then activates the environment its manifest names. */
public final class ActivateRuntimeService implements ActivateRuntimeUseCase {

    private final EnsureRuntimeUseCase ensure;
    private final HostEnvironment host;

    public ActivateRuntimeService(EnsureRuntimeUseCase ensure, HostEnvironment host) {
        this.ensure = ensure;
        this.host = host;
    }

    @Override
    public ActivationResult activate(EnsureRequest runtime) throws IOException, InterruptedException {
        EnsureResult ensured = ensure.ensure(runtime);
        if (ensured instanceof EnsureResult.Ready ready) {
            return new ActivationResult.Activated(
                    RuntimeActivation.of(host, ready.environment()));
        }
        return new ActivationResult.RuntimeUnavailable(ensured);
    }
}
