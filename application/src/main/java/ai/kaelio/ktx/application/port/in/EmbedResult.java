package ai.kaelio.ktx.application.port.in;

import java.util.Objects;

/** How embedding ended. Everything but {@link Embedded} stops at the first text not embedded. */
public sealed interface EmbedResult {

    /** Every text was embedded, by {@code model}, into vectors of {@code dimensions}. */
    record Embedded(String model, long count, int dimensions) implements EmbedResult {
    }

    /** There were no texts. Nothing was installed or started. */
    record NothingToEmbed() implements EmbedResult {
    }

    /** The text numbered {@code index} (from 0) is empty; the ones before it were embedded. */
    record EmptyText(long index) implements EmbedResult {
    }

    /** No daemon could be had: the runtime is not ready and was not installed, or the daemon did not come up. */
    record DaemonUnavailable(StartResult start) implements EmbedResult {
        public DaemonUnavailable {
            if (start instanceof StartResult.Started || start instanceof StartResult.Reused) {
                throw new IllegalArgumentException("A daemon is available: " + start);
            }
        }
    }

    /** The daemon cannot load its model; {@code message} is its sentence, naming the model and the fix. */
    record ModelUnavailable(String message) implements EmbedResult {
        public ModelUnavailable {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The daemon refused a batch for another reason (its sentence), after {@code embedded} texts. */
    record Refused(long embedded, String message) implements EmbedResult {
        public Refused {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The daemon stopped answering (it died, or was stopped) after {@code embedded} texts. */
    record DaemonLost(long embedded, long pid, String reason) implements EmbedResult {
        public DaemonLost {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
