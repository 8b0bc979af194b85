package ai.kaelio.ktx.adapters.fs;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Typed access to the fields of a JSON object, failing with the field's dotted name. */
final class JsonFields {

    private final JsonNode node;
    private final String prefix;

    private JsonFields(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    static JsonFields root(JsonNode node) {
        if (!node.isObject()) {
            throw new JsonShapeException("expected a JSON object at the top level");
        }
        return new JsonFields(node, "");
    }

    JsonFields object(String name) {
        JsonNode value = required(name);
        if (!value.isObject()) {
            throw wrongType(name, "an object");
        }
        return new JsonFields(value, prefix + name + ".");
    }

    boolean has(String name) {
        return node.has(name) && !node.get(name).isNull();
    }

    String text(String name) {
        JsonNode value = required(name);
        if (!value.isTextual()) {
            throw wrongType(name, "a string");
        }
        return value.textValue();
    }

    int integer(String name) {
        JsonNode value = required(name);
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw wrongType(name, "a whole number");
        }
        return value.intValue();
    }

    long longInteger(String name) {
        JsonNode value = required(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw wrongType(name, "a whole number");
        }
        return value.longValue();
    }

    List<String> texts(String name) {
        JsonNode value = required(name);
        if (!value.isArray()) {
            throw wrongType(name, "an array of strings");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw wrongType(name, "an array of strings");
            }
            texts.add(element.textValue());
        }
        return texts;
    }

    Path path(String name) {
        String text = text(name);
        try {
            if (text.isBlank()) {
                throw new InvalidPathException(text, "empty");
            }
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new JsonShapeException("field '" + prefix + name + "' is not a valid path");
        }
    }

    Instant instant(String name) {
        String text = text(name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new JsonShapeException("field '" + prefix + name + "' must be an ISO-8601 instant");
        }
    }

    private JsonNode required(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new JsonShapeException("missing field '" + prefix + name + "'");
        }
        return value;
    }

    private JsonShapeException wrongType(String name, String expected) {
        return new JsonShapeException("field '" + prefix + name + "' must be " + expected);
    }
}
