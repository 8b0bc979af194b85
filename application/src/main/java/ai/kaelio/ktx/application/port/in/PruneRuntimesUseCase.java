package ai.kaelio.ktx.application.port.in;

import ai.kaelio.ktx.domain.PruneResult;

/** Removes (or, on a dry run, lists) the runtimes of other CLI versions. */
public interface PruneRuntimesUseCase {
    PruneResult prune(PruneRequest request) throws java.io.IOException;
}
