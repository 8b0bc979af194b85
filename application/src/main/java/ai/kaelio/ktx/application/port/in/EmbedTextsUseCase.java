package ai.kaelio.ktx.application.port.in;

import java.io.IOException;

/**
 * Embeds texts with the daemon: makes sure the runtime has {@code local-embeddings} and that a daemon with
 * the model runs, then hands each batch's vectors to {@code sink} in input order as they arrive.
 */
public interface EmbedTextsUseCase {
    EmbedResult embed(EmbedRequest request, EmbeddingSink sink) throws IOException, InterruptedException;
}
