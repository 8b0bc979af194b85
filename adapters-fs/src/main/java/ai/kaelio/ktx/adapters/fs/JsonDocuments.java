package ai.kaelio.ktx.adapters.fs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Reads small JSON documents defensively (bounded size, depth and token lengths, so a hostile file
 * costs little and fails with one clear reason) and writes them in a stable, readable layout.
 *
 * <p>Trees are read and written with jackson-core's streaming parser and generator and databind's
 * node types only. An {@code ObjectMapper} would set up serializers, date formats and locale data
 * first: about a third of a status command's time, for two small files.
 */
final class JsonDocuments {

    /** Far above any real manifest; far below what could hurt. */
    static final int MAX_BYTES = 1 << 20;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxNumberLength(100)
                    .maxStringLength(64 * 1024)
                    .build())
            .build();

    private static final Pattern SOURCE = Pattern.compile("\\s*\\([^()]*\\[Source:[^\\]]*\\]\\)|\\s*\\[Source:[^\\]]*\\]");
    private static final Pattern SETTING = Pattern.compile(",\\s*from `[^`]*`");

    private JsonDocuments() {
    }

    static ObjectNode objectNode() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** @throws NoSuchFileException when absent; {@link JsonShapeException} for anything wrong with the content */
    static JsonNode read(Path path) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new JsonShapeException("file is larger than " + (MAX_BYTES >> 10) + " KiB");
        }
        return parse(bytes);
    }

    /** @throws JsonShapeException for anything wrong with the content */
    static JsonNode parse(byte[] bytes) throws IOException {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new JsonShapeException("file is empty");
            }
            JsonNode node = JsonTrees.read(parser, first);
            if (parser.nextToken() != null) {
                throw new JsonShapeException("not valid JSON (more content after the document)");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new JsonShapeException("not valid JSON (" + describe(e.getOriginalMessage()) + ")");
        }
    }

    static byte[] write(JsonNode node) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(text)) {
            generator.setPrettyPrinter(new DefaultPrettyPrinter().withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
            JsonTrees.write(generator, node);
        }
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Jackson's own wording, minus what only means something to Jackson: its source descriptions
     * ({@code [Source: REDACTED (`StreamReadFeature…` disabled); line: 1…]}) and the settings behind its
     * limits ({@code from `StreamReadConstraints.getMaxNestingDepth()`}).
     */
    private static String describe(String message) {
        if (message == null) {
            return "unreadable";
        }
        if (message.startsWith("Unexpected end-of-input")) {
            return "the document ends too early";
        }
        String cleaned = SOURCE.matcher(message).replaceAll("");
        cleaned = SETTING.matcher(cleaned).replaceAll("").replace('`', '\'');
        String line = cleaned.lines().findFirst().orElse("").strip();
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
