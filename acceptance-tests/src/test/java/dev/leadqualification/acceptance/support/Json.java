package dev.leadqualification.acceptance.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/** Writing request bodies and comparing answers as JSON trees. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** {@code object("topic", "Chairs", "lastName", "Lopez")}: values may be text, numbers, booleans, nodes, lists, null. */
    public static ObjectNode object(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        ObjectNode node = MAPPER.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.set((String) namesAndValues[i], MAPPER.valueToTree(namesAndValues[i + 1]));
        }
        return node;
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not writable as JSON: " + value, e);
        }
    }

    public static JsonNode parse(byte[] body) {
        try {
            return body.length == 0 ? MAPPER.missingNode() : MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("The answer is not JSON: " + new String(body), e);
        }
    }

    /** A copy of {@code node} without the named fields. */
    public static ObjectNode without(JsonNode node, Collection<String> fields) {
        ObjectNode copy = node.deepCopy();
        copy.remove(fields);
        return copy;
    }

    /**
     * Asserts that {@code actual} has every value of {@code expected}: objects are compared field by field (so
     * {@code actual} may have more fields), numbers by value (12500.5 equals 12500.50), null matches absent.
     */
    public static void assertHasValues(JsonNode actual, JsonNode expected) {
        String difference = firstDifference(actual, expected, "");
        if (difference != null) {
            throw new AssertionError(difference + System.lineSeparator() + "in " + actual);
        }
    }

    private static String firstDifference(JsonNode actual, JsonNode expected, String path) {
        if (expected.isObject()) {
            if (!actual.isObject()) {
                return path + ": expected an object " + expected + " but was " + actual;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String difference = firstDifference(actual.path(field.getKey()), field.getValue(),
                        path.isEmpty() ? field.getKey() : path + "." + field.getKey());
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        if (expected.isArray()) {
            if (!actual.isArray() || actual.size() != expected.size()) {
                return path + ": expected " + expected + " but was " + actual;
            }
            for (int i = 0; i < expected.size(); i++) {
                String difference = firstDifference(actual.get(i), expected.get(i), path + "[" + i + "]");
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        boolean same = expected.isNumber() && actual.isNumber()
                ? expected.decimalValue().compareTo(actual.decimalValue()) == 0
                : expected.isNull() ? actual.isNull() || actual.isMissingNode() : expected.equals(actual);
        return same ? null : path + ": expected " + expected + " but was " + (actual.isMissingNode() ? "absent" : actual);
    }
}
