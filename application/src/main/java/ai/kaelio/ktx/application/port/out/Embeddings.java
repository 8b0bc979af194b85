package ai.kaelio.ktx.application.port.out;

import ai.kaelio.ktx.domain.DaemonEndpoint;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Asks a running daemon, with its token, for the embedding vectors of texts. */
public interface Embeddings {

    /** The vectors of {@code texts}, in their order, or why there are none. */
    Answer embed(DaemonEndpoint endpoint, List<String> texts) throws InterruptedException;

    sealed interface Answer {
    }

    /** One vector per text, in the texts' order, from the model the daemon named. */
    record Vectors(String model, List<float[]> vectors) implements Answer {
        public Vectors {
            Objects.requireNonNull(model, "model");
            vectors = List.copyOf(vectors);
        }
    }

    /**
     * The daemon answered with an error: the HTTP status, its one-sentence message and, where it gave one,
     * its code ({@code model_unavailable}, {@code input_too_long}, …).
     */
    record Refused(int status, String message, Optional<String> code) implements Answer {
        public Refused {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(code, "code");
        }
    }

    /** No usable answer: nothing listened, the connection broke (the daemon may have died) or it timed out. */
    record Unanswered(String reason) implements Answer {
        public Unanswered {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
