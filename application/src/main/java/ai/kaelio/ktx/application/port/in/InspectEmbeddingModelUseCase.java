package ai.kaelio.ktx.application.port.in;

import ai.kaelio.ktx.domain.DaemonState;
import ai.kaelio.ktx.domain.EmbeddingModelStatus;

/**
 * The embedding model {@code ktx embed} would use, where its files are, and whether the daemon in
 * {@code daemon} (as status found it) serves it. Fetches and starts nothing.
 */
public interface InspectEmbeddingModelUseCase {
    EmbeddingModelStatus inspect(DaemonState daemon) throws InterruptedException;
}
