package ai.kaelio.ktx.adapters.fs;

/** A JSON document that parsed, or failed to, in a way a user can be told about in one phrase. */
final class JsonShapeException extends RuntimeException {
    JsonShapeException(String message) {
        super(message, null, false, false);
    }
}
