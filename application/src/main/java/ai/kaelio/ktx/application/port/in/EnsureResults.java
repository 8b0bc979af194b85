package ai.kaelio.ktx.application.port.in;

import java.util.Objects;

/** Checks shared by the results that carry why the runtime was unavailable. */
final class EnsureResults {

    private EnsureResults() {
    }

    static void requireNotReady(EnsureResult reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason instanceof EnsureResult.Ready) {
            throw new IllegalArgumentException("A ready runtime is not a reason for being unavailable");
        }
    }
}
