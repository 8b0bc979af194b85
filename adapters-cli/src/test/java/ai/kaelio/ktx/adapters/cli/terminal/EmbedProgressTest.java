package ai.kaelio.ktx.adapters.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbedProgressTest {

    private final StringWriter err = new StringWriter();
    private final List<String> written = new ArrayList<>();
    private long now;
    private final EmbedProgress progress = new EmbedProgress((model, first, vectors) -> written.add(err.toString()),
            new PrintWriter(err, true), () -> now);

    @Test
    void nothingForAShortRunThenALineErasedBeforeEachBatchAndAtTheEnd() throws Exception {
        progress.accept("m", 0, List.of(new float[1], new float[1]));
        assertThat(err.toString()).isEmpty();

        now = 2_000_000_000L;
        progress.accept("m", 2, List.of(new float[1], new float[1]));
        assertThat(err.toString()).isEqualTo("\r\u001b[KEmbedded 4 texts (2/s)");

        now = 4_000_000_000L;
        progress.accept("m", 4, List.of(new float[1]));
        // The vectors of the third batch were written with the line erased, so it never tears them.
        assertThat(written.get(2)).endsWith("\r\u001b[K");
        progress.erase();
        assertThat(err.toString()).endsWith("Embedded 5 texts (1/s)\r\u001b[K");
    }
}
