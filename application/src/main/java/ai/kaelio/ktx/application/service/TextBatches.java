package ai.kaelio.ktx.application.service;

import ai.kaelio.ktx.application.port.in.TextSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Cuts a stream of texts into request-sized batches: at most {@code size} texts, and at most
 * {@link #MAX_CHARACTERS} characters unless one text alone is longer, which keeps a request well under the
 * daemon's 8 MiB body limit. An empty text ends the stream: the daemon refuses one, and skipping it would
 * shift every later index.
 */
final class TextBatches {

    /** At most 4 bytes each in UTF-8: 4 MB, half the daemon's limit, leaving room for JSON escapes. */
    static final int MAX_CHARACTERS = 1_000_000;

    private final TextSource source;
    private final int size;
    private long read;
    private Optional<String> pending = Optional.empty();
    private boolean ended;

    TextBatches(TextSource source, int size) {
        this.source = source;
        this.size = size;
    }

    /**
     * @param emptyText the index of an empty text that ends the stream right after {@code texts}
     * @param last      nothing follows
     */
    record Batch(List<String> texts, OptionalLong emptyText, boolean last) {
    }

    Batch next() throws IOException {
        List<String> texts = new ArrayList<>();
        long characters = 0;
        while (!ended && texts.size() < size) {
            Optional<String> text = pending.isPresent() ? pending : source.next();
            pending = Optional.empty();
            if (text.isEmpty()) {
                ended = true;
                break;
            }
            if (text.get().isEmpty()) {
                ended = true;
                return new Batch(texts, OptionalLong.of(read), true);
            }
            if (!texts.isEmpty() && characters + text.get().length() > MAX_CHARACTERS) {
                pending = text;
                break;
            }
            texts.add(text.get());
            characters += text.get().length();
            read++;
        }
        if (!ended && pending.isEmpty()) {
            // Look ahead one text, so the last batch says it is the last.
            pending = source.next();
            ended = pending.isEmpty();
        }
        return new Batch(texts, OptionalLong.empty(), ended && pending.isEmpty());
    }
}
