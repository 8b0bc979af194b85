package ai.kaelio.ktx.adapters.fs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads small JSON documents defensively (bounded size, depth and token lengths, so a hostile file
 * costs little and fails with one clear reason) and writes them in a stable, readable layout.
 *
 * <p>Documents are plain maps, lists, strings, numbers and booleans, read and written by jackson-jr on
 * jackson-core's parser and generator. databind's {@code ObjectMapper} did the same at 15 % of a status
 * command's time, measured interleaved (bench/README.md), most of it setting up what these files never use.
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

    private static final JSON JR = JSON.builder(FACTORY)
            .enable(JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS, JSON.Feature.PRETTY_PRINT_OUTPUT)
            // As a JSON object's last value for a name wins in JavaScript; the fields' checks still apply.
            .disable(JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS)
            .build()
            .with(new DefaultPrettyPrinter().withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private static final Pattern SOURCE = Pattern.compile("\\s*\\([^()]*\\[Source:[^\\]]*\\]\\)|\\s*\\[Source:[^\\]]*\\]");
    private static final Pattern SETTING = Pattern.compile(",\\s*from `[^`]*`");

    private JsonDocuments() {
    }

    /** An object to fill and write, its fields in the order they are put. */
    static Map<String, Object> object() {
        return new LinkedHashMap<>();
    }

    /** @throws NoSuchFileException when absent; {@link JsonShapeException} for anything wrong with the content */
    static Object read(Path path) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new JsonShapeException("file is larger than " + (MAX_BYTES >> 10) + " KiB");
        }
        return parse(bytes);
    }

    /**
     * The document as maps ({@link LinkedHashMap}), lists, strings, numbers ({@link Integer}, {@link Long},
     * {@link java.math.BigInteger}, {@link java.math.BigDecimal}), booleans and nulls.
     *
     * @throws JsonShapeException for anything wrong with the content
     */
    static Object parse(byte[] bytes) throws IOException {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            if (parser.nextToken() == null) {
                throw new JsonShapeException("file is empty");
            }
            Object document = JR.anyFrom(parser);
            if (parser.nextToken() != null) {
                throw new JsonShapeException("not valid JSON (more content after the document)");
            }
            return document;
        } catch (JsonProcessingException e) {
            throw new JsonShapeException("not valid JSON (" + describe(e.getOriginalMessage()) + ")");
        }
    }

    static byte[] write(Map<String, Object> document) throws IOException {
        return (JR.asString(document) + "\n").getBytes(StandardCharsets.UTF_8);
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
