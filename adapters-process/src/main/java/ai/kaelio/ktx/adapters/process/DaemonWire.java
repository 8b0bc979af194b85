package ai.kaelio.ktx.adapters.process;

import ai.kaelio.ktx.application.port.out.DaemonClient;
import ai.kaelio.ktx.application.port.out.Embeddings;
import ai.kaelio.ktx.domain.Feature;
import ai.kaelio.ktx.domain.FeatureSet;
import ai.kaelio.ktx.domain.ServedModel;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The daemon's wire format, read and written with jackson-core's streaming parser and generator: no tree
 * and no boxed numbers in between. Vectors are asked for as base64 of little-endian float32, which the
 * daemon writes some thirty times faster than JSON numbers, and go straight into {@code float[]}.
 */
final class DaemonWire {

    private static final JsonFactory JSON = JsonFactory.builder()
            // A base64 vector of a large model is one long string; a whole answer is bounded by the request.
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(64 * 1024 * 1024).build())
            // Characters outside the BMP as their four UTF-8 bytes rather than twelve bytes of escapes.
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private DaemonWire() {
    }

    /** {@code {"input": [...], "encoding_format": "base64"}}. */
    static byte[] embeddingsRequest(List<String> texts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 64 * texts.size());
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("input");
            for (String text : texts) {
                json.writeString(text);
            }
            json.writeEndArray();
            json.writeStringField("encoding_format", "base64");
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    /**
     * {@code {"data": [{"index": i, "embedding": "<base64>" | [numbers]}, …], "model": "…"}}, one item per
     * text sent, put in index order whatever order they came in.
     */
    static Embeddings.Vectors vectors(InputStream body, int expected) throws IOException {
        try (JsonParser json = JSON.createParser(body)) {
            require(json.nextToken() == JsonToken.START_OBJECT, "the answer is not a JSON object");
            float[][] vectors = new float[expected][];
            String model = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("model") && value == JsonToken.VALUE_STRING) {
                    model = json.getText();
                } else if (field.equals("data")) {
                    require(value == JsonToken.START_ARRAY, "\"data\" is not a list");
                    readItems(json, vectors);
                } else {
                    json.skipChildren();
                }
            }
            require(model != null, "the answer names no model");
            for (int index = 0; index < expected; index++) {
                require(vectors[index] != null, "the answer has no embedding for input " + index);
            }
            return new Embeddings.Vectors(model, Arrays.asList(vectors));
        }
    }

    private static void readItems(JsonParser json, float[][] vectors) throws IOException {
        while (json.nextToken() == JsonToken.START_OBJECT) {
            int index = -1;
            float[] vector = null;
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("index") && value == JsonToken.VALUE_NUMBER_INT) {
                    index = json.getIntValue();
                } else if (field.equals("embedding")) {
                    vector = value == JsonToken.VALUE_STRING ? littleEndianFloats(json.getBinaryValue()) : numbers(json);
                } else {
                    json.skipChildren();
                }
            }
            require(index >= 0 && index < vectors.length, "an embedding has the index " + index + " of no input");
            require(vectors[index] == null, "two embeddings have the index " + index);
            require(vector != null, "the item with index " + index + " has no embedding");
            vectors[index] = vector;
        }
    }

    private static float[] littleEndianFloats(byte[] bytes) throws IOException {
        require(bytes.length % Float.BYTES == 0, "a base64 embedding is not a whole number of float32 values");
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }

    private static float[] numbers(JsonParser json) throws IOException {
        require(json.currentToken() == JsonToken.START_ARRAY, "an embedding is neither base64 nor a list");
        float[] vector = new float[512];
        int size = 0;
        JsonToken token;
        while ((token = json.nextToken()) == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
            if (size == vector.length) {
                vector = Arrays.copyOf(vector, size * 2);
            }
            vector[size++] = json.getFloatValue();
        }
        require(token == JsonToken.END_ARRAY, "an embedding holds something other than numbers");
        return Arrays.copyOf(vector, size);
    }

    /**
     * {@code {"status": "healthy", "version": "…", "features": […], "model"?: {"name", "loaded", "dimensions"?}}};
     * features this ktx does not know are left out, as are fields it does not know.
     */
    static DaemonClient.Health health(byte[] body) {
        try (JsonParser json = JSON.createParser(body)) {
            String status = null;
            String version = null;
            List<Feature> features = null;
            Optional<ServedModel> model = Optional.empty();
            if (json.nextToken() == JsonToken.START_OBJECT) {
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String field = json.currentName();
                    JsonToken value = json.nextToken();
                    switch (field) {
                        case "status" -> status = value == JsonToken.VALUE_STRING ? json.getText() : null;
                        case "version" -> version = value == JsonToken.VALUE_STRING ? json.getText() : null;
                        case "features" -> features = value == JsonToken.START_ARRAY ? features(json) : null;
                        case "model" -> model = value == JsonToken.START_OBJECT ? servedModel(json) : Optional.empty();
                        default -> json.skipChildren();
                    }
                }
                require(json.nextToken() == null, "more after the answer's end");
            }
            if ("healthy".equals(status) && version != null && features != null) {
                return new DaemonClient.Healthy(version, FeatureSet.of(features), model);
            }
            return new DaemonClient.Unanswered("not a health answer: " + abbreviate(body));
        } catch (IOException | IllegalArgumentException e) {
            return new DaemonClient.Unanswered(firstLine(e.getMessage()));
        }
    }

    private static List<Feature> features(JsonParser json) throws IOException {
        List<Feature> features = new ArrayList<>();
        JsonToken token;
        while ((token = json.nextToken()) != JsonToken.END_ARRAY) {
            if (token == JsonToken.VALUE_STRING) {
                Feature.fromId(json.getText()).ifPresent(features::add);
            } else {
                json.skipChildren();
            }
        }
        return features;
    }

    private static Optional<ServedModel> servedModel(JsonParser json) throws IOException {
        String name = null;
        boolean loaded = false;
        OptionalInt dimensions = OptionalInt.empty();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (field.equals("name") && value == JsonToken.VALUE_STRING) {
                name = json.getText();
            } else if (field.equals("loaded") && value.isBoolean()) {
                loaded = json.getBooleanValue();
            } else if (field.equals("dimensions") && value == JsonToken.VALUE_NUMBER_INT) {
                dimensions = OptionalInt.of(json.getIntValue());
            } else {
                json.skipChildren();
            }
        }
        return name == null || name.isBlank() ? Optional.empty() : Optional.of(new ServedModel(name, loaded, dimensions));
    }

    /**
     * The sentence of an error answer: OpenAI's {@code {"error": {"message", "code"?}}}, or the daemon's own
     * {@code {"error": "unauthorized"}}. Empty when the body is neither.
     */
    static Optional<Embeddings.Refused> refusal(int status, byte[] body) {
        try (JsonParser json = JSON.createParser(body)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (field.equals("error") && value == JsonToken.VALUE_STRING) {
                    return Optional.of(new Embeddings.Refused(status, json.getText(), Optional.empty()));
                }
                if (field.equals("error") && value == JsonToken.START_OBJECT) {
                    return errorObject(status, json);
                }
                json.skipChildren();
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Embeddings.Refused> errorObject(int status, JsonParser json) throws IOException {
        String message = null;
        Optional<String> code = Optional.empty();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (field.equals("message") && value == JsonToken.VALUE_STRING) {
                message = json.getText();
            } else if (field.equals("code") && value == JsonToken.VALUE_STRING) {
                code = Optional.of(json.getText());
            } else {
                json.skipChildren();
            }
        }
        return message == null ? Optional.empty() : Optional.of(new Embeddings.Refused(status, message, code));
    }

    private static void require(boolean condition, String problem) throws IOException {
        if (!condition) {
            throw new IOException("Not the KTX daemon's answer: " + problem);
        }
    }

    static String abbreviate(byte[] body) {
        String line = new String(body, java.nio.charset.StandardCharsets.UTF_8).strip().lines().findFirst().orElse("");
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }

    private static String firstLine(String message) {
        return message == null ? "malformed answer" : message.lines().findFirst().orElse("malformed answer");
    }
}
