package ai.kaelio.ktx.application.port.out;

import ai.kaelio.ktx.domain.DaemonEndpoint;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.ServedModel;
import java.util.Objects;
import java.util.Optional;

/** Talks to a running daemon over its loopback HTTP API, with its bearer token. */
public interface DaemonClient {

    /** {@code GET /health}, giving up after a few seconds. */
    Health health(DaemonEndpoint endpoint) throws InterruptedException;

    /** {@code POST /shutdown}; true once the daemon has said it is stopping. */
    boolean requestShutdown(DaemonEndpoint endpoint) throws InterruptedException;

    sealed interface Health {
    }

    /**
     * The daemon answered: its package version, the features that really work in it, and the embedding
     * model it serves when it offers embeddings.
     */
    record Healthy(String version, FeatureSet features, Optional<ServedModel> model) implements Health {
        public Healthy {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(features, "features");
            Objects.requireNonNull(model, "model");
        }

        public Healthy(String version, FeatureSet features) {
            this(version, features, Optional.empty());
        }

        /** Serves the model asked for; any model will do when none is asked for. */
        public boolean serves(Optional<String> asked) {
            return asked.isEmpty() || model.map(served -> served.name().equals(asked.get())).orElse(false);
        }
    }

    /** Something answered, but refused the token. */
    record Unauthorized() implements Health {
    }

    /** No usable answer: refused, timed out, or not the daemon's JSON. */
    record Unanswered(String reason) implements Health {
    }
}
