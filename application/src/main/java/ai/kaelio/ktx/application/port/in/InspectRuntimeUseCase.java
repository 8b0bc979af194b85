package ai.kaelio.ktx.application.port.in;

import ai.kaelio.ktx.domain.RuntimeStatus;

/** Tells what state this CLI version's runtime is in, without running or changing anything. */
public interface InspectRuntimeUseCase {
    RuntimeStatus inspect();
}
