package ai.kaelio.ktx.adapters.fs;

import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed access to the fields of a JSON object as {@link JsonDocuments} reads it, failing with the field's dotted name. */
final class JsonFields {

    private final Map<?, ?> object;
    private final String prefix;

    private JsonFields(Map<?, ?> object, String prefix) {
        this.object = object;
        this.prefix = prefix;
    }

    static JsonFields root(Object document) {
        if (!(document instanceof Map<?, ?> object)) {
            throw new JsonShapeException("expected a JSON object at the top level");
        }
        return new JsonFields(object, "");
    }

    JsonFields object(String name) {
        if (!(required(name) instanceof Map<?, ?> value)) {
            throw wrongType(name, "an object");
        }
        return new JsonFields(value, prefix + name + ".");
    }

    boolean has(String name) {
        return object.get(name) != null;
    }

    String text(String name) {
        if (!(required(name) instanceof String value)) {
            throw wrongType(name, "a string");
        }
        return value;
    }

    int integer(String name) {
        BigInteger value = whole(name);
        if (value.bitLength() >= Integer.SIZE) {
            throw wrongType(name, "a whole number");
        }
        return value.intValue();
    }

    long longInteger(String name) {
        BigInteger value = whole(name);
        if (value.bitLength() >= Long.SIZE) {
            throw wrongType(name, "a whole number");
        }
        return value.longValue();
    }

    List<String> texts(String name) {
        if (!(required(name) instanceof List<?> values)) {
            throw wrongType(name, "an array of strings");
        }
        List<String> texts = new ArrayList<>();
        for (Object element : values) {
            if (!(element instanceof String text)) {
                throw wrongType(name, "an array of strings");
            }
            texts.add(text);
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

    /** JSON integers come as Integer, Long or BigInteger, whichever holds them; a fraction is not one. */
    private BigInteger whole(String name) {
        Object value = required(name);
        if (value instanceof Integer || value instanceof Long) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return big;
        }
        throw wrongType(name, "a whole number");
    }

    private Object required(String name) {
        Object value = object.get(name);
        if (value == null) {
            throw new JsonShapeException("missing field '" + prefix + name + "'");
        }
        return value;
    }

    private JsonShapeException wrongType(String name, String expected) {
        return new JsonShapeException("field '" + prefix + name + "' must be " + expected);
    }
}
