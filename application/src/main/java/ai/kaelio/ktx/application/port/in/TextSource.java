package ai.kaelio.ktx.application.port.in;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Texts read one at a time, so that a file of a million lines is never held whole. */
@FunctionalInterface
public interface TextSource {

    /** The next text, or empty at the end. */
    Optional<String> next() throws IOException;

    static TextSource of(List<String> texts) {
        Iterator<String> iterator = List.copyOf(texts).iterator();
        return () -> iterator.hasNext() ? Optional.of(iterator.next()) : Optional.empty();
    }
}
