package ai.kaelio.ktx.adapters.cli.terminal;

import ai.kaelio.ktx.application.port.in.EmbeddingSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A progress line on stderr (texts done, rate) for a person watching a long run: it appears once a run has
 * gone on for {@link #AFTER_NANOS}, is erased before each batch of output so the vectors never tear it,
 * and is gone at the end.
 */
public final class EmbedProgress implements EmbeddingSink {

    static final long AFTER_NANOS = 1_000_000_000L;
    private static final String ERASE = "\r\u001b[K";

    private final EmbeddingSink output;
    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private final long started;
    private boolean shown;

    public EmbedProgress(EmbeddingSink output, PrintWriter err, LongSupplier nanoTime) {
        this.output = output;
        this.err = err;
        this.nanoTime = nanoTime;
        this.started = nanoTime.getAsLong();
    }

    @Override
    public void accept(String model, long firstIndex, List<float[]> vectors) throws IOException {
        erase();
        output.accept(model, firstIndex, vectors);
        long elapsed = nanoTime.getAsLong() - started;
        if (elapsed >= AFTER_NANOS) {
            long done = firstIndex + vectors.size();
            err.print(ERASE + String.format(java.util.Locale.ROOT, "Embedded %,d texts (%,.0f/s)", done, done * 1e9 / elapsed));
            err.flush();
            shown = true;
        }
    }

    /** Removes the line; called at the end, whatever the end. */
    public void erase() {
        if (shown) {
            err.print(ERASE);
            err.flush();
            shown = false;
        }
    }
}
