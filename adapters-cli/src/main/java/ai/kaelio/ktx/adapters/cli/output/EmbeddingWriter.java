package ai.kaelio.ktx.adapters.cli.output;

import ai.kaelio.ktx.application.port.in.EmbeddingSink;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * Writes vectors as they arrive, with jackson-core's generator (floats in their shortest exact form):
 * {@code jsonl}, one {@code {"index": i, "embedding": [...]}} per line, flushed per batch so a reader
 * downstream sees each as soon as it is there; or {@code json}, one document
 * {@code {"model", "dimensions", "data": [{"index", "embedding"}]}} opened at the first batch and closed by
 * {@link #finish}.
 */
public final class EmbeddingWriter implements EmbeddingSink {

    public enum Format {
        JSONL, JSON;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final JsonFactory JSON = new JsonFactoryBuilder()
            .rootValueSeparator((String) null)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            // Schubfach instead of Float.toString, which on Java 17 is slow and not always shortest.
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private final PrintWriter out;
    private final Format format;
    private final JsonGenerator json;
    private boolean opened;

    public EmbeddingWriter(PrintWriter out, Format format) throws IOException {
        this.out = out;
        this.format = format;
        this.json = JSON.createGenerator(out);
    }

    @Override
    public void accept(String model, long firstIndex, List<float[]> vectors) throws IOException {
        if (format == Format.JSON && !opened) {
            json.writeStartObject();
            json.writeStringField("model", model);
            json.writeNumberField("dimensions", vectors.get(0).length);
            json.writeArrayFieldStart("data");
        }
        opened = true;
        long index = firstIndex;
        for (float[] vector : vectors) {
            json.writeStartObject();
            json.writeNumberField("index", index++);
            json.writeFieldName("embedding");
            json.writeStartArray();
            for (float value : vector) {
                json.writeNumber(value);
            }
            json.writeEndArray();
            json.writeEndObject();
            if (format == Format.JSONL) {
                json.writeRaw('\n');
            }
        }
        json.flush();
        out.flush();
        if (out.checkError()) {
            // PrintWriter swallows write errors; a closed pipe (| head) must end the run, not embed on.
            throw new OutputClosed();
        }
    }

    /** Closes the document of {@code json}; nothing for {@code jsonl}. */
    public void finish() throws IOException {
        if (format == Format.JSON && opened) {
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
        json.flush();
        out.flush();
    }

    /** Nobody reads the output any more (the reader of a pipe exited). */
    public static final class OutputClosed extends IOException {
        public OutputClosed() {
            super("The output was closed");
        }
    }
}
