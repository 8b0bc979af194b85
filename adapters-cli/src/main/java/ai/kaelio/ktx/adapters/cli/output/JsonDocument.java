package ai.kaelio.ktx.adapters.cli.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code --json} documents, written with jackson-core's generator in the layout the contract shows:
 * two-space indents, {@code "key": value}, one array element per line, {@code []} and {@code {}} when empty,
 * and {@code \n} line ends on every platform.
 */
final class JsonDocument {

    /** What goes into one document. */
    @FunctionalInterface
    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");
    private static final DefaultPrettyPrinter LAYOUT = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""));

    static {
        LAYOUT.indentObjectsWith(INDENT);
        LAYOUT.indentArraysWith(INDENT);
    }

    private JsonDocument() {
    }

    /** The document, without a final line end. */
    static String render(Body body) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(text)) {
            // A printer keeps its nesting depth, so each document gets a fresh one.
            json.setPrettyPrinter(LAYOUT.createInstance());
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory cannot fail", e);
        }
        return text.toString();
    }

    /** An array of strings under {@code name}. */
    static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /** A path as the contract spells it, or null. */
    static void path(JsonGenerator json, String name, Path path) throws IOException {
        json.writeStringField(name, path == null ? null : path.toString());
    }
}
