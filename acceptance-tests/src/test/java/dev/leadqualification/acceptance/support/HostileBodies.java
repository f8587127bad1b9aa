package dev.leadqualification.acceptance.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Request bodies that a broken or hostile client sends, made from a valid body with a seeded {@link Random}
 * (the same seed gives the same bodies): values of the wrong type, nulls, huge strings, control characters,
 * unpaired surrogates, numbers out of every range, deep nesting, unknown fields and fields a client must
 * never set, duplicated keys, truncated JSON, random bytes, other top-level values and other content types.
 */
public final class HostileBodies {

    /** What a body says it is, unless a mutation says otherwise. */
    public static final String JSON = "application/json";

    /** Server-decided state: a client that sends these must not be able to set them. */
    public static final List<String> FORBIDDEN_FIELDS = List.of("status", "statusReason", "version", "createdBy",
            "createdAt", "modifiedBy", "modifiedAt", "actor", "qualification", "noteId", "ruleId", "settingsId",
            "originatingLeadId", "processStage", "published", "correlationId", "qualificationId", "id");

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final ObjectMapper ASCII = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int[] LONG_TEXT_LENGTHS = {21, 37, 51, 101, 251, 255, 301, 2_001, 100_001, 262_144};
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "garbage;;;",
            "application/json; charset=ISO-8859-1", "application/json; charset=UTF-16", "application/merge-patch+json",
            "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "*/*", "");

    private final Random random;

    public HostileBodies(Random random) {
        this.random = random;
    }

    /** A body to send: its bytes, its {@code Content-Type} (null: none), and what was done to the valid body. */
    public record Body(byte[] bytes, String contentType, String mutation) {

        @Override
        public String toString() {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return mutation + " [" + contentType + ", " + bytes.length + " bytes] "
                    + (text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    /** A hostile variant of {@code valid} (an object), sent as {@code contentType} unless it is about content types. */
    public Body from(ObjectNode valid, String contentType) {
        int kind = random.nextInt(100);
        Body body;
        if (kind < 8) {
            body = new Body(render(valid, Map.of(), random.nextBoolean()), contentType, "valid");
        } else if (kind < 62) {
            body = mutatedValues(valid, contentType);
        } else if (kind < 70) {
            body = duplicatedKey(valid, contentType);
        } else if (kind < 78) {
            byte[] whole = render(valid, Map.of(), false);
            int cut = random.nextInt(Math.max(1, whole.length));
            body = new Body(Arrays.copyOf(whole, cut), contentType, "truncated at " + cut);
        } else if (kind < 84) {
            body = randomBytes(contentType);
        } else if (kind < 92) {
            body = otherTopLevel(valid, contentType);
        } else {
            String other = CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size()));
            body = new Body(render(valid, Map.of(), false), other.isEmpty() ? null : other, "content type " + other);
        }
        return body;
    }

    private Body mutatedValues(ObjectNode valid, String contentType) {
        ObjectNode body = valid.deepCopy();
        Map<String, String> raw = new LinkedHashMap<>();
        List<String> done = new ArrayList<>();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            done.add(mutateOnce(body, raw));
        }
        return new Body(render(body, raw, random.nextBoolean()), contentType, String.join("; ", done));
    }

    private String mutateOnce(ObjectNode body, Map<String, String> raw) {
        List<Slot> slots = new ArrayList<>();
        collectSlots(body, "", slots);
        int operation = random.nextInt(100);
        if (operation < 55 && !slots.isEmpty()) {
            Slot slot = slots.get(random.nextInt(slots.size()));
            JsonNode value = hostileValue(raw);
            slot.set(value);
            return "set " + slot.path + " = " + describe(value, raw);
        }
        if (operation < 70 && !slots.isEmpty()) {
            Slot slot = slots.get(random.nextInt(slots.size()));
            slot.remove();
            return "removed " + slot.path;
        }
        List<ObjectNode> objects = new ArrayList<>();
        collectObjects(body, objects);
        ObjectNode target = objects.get(random.nextInt(objects.size()));
        String name = operation < 85 ? FORBIDDEN_FIELDS.get(random.nextInt(FORBIDDEN_FIELDS.size())) : unknownName();
        JsonNode value = random.nextBoolean() ? plausibleValue() : hostileValue(raw);
        target.set(name, value);
        return "added " + name + " = " + describe(value, raw);
    }

    private Body duplicatedKey(ObjectNode valid, String contentType) {
        List<String> names = new ArrayList<>();
        valid.fieldNames().forEachRemaining(names::add);
        names.addAll(FORBIDDEN_FIELDS.subList(0, 4));
        String name = names.get(random.nextInt(names.size()));
        Map<String, String> raw = new LinkedHashMap<>();
        JsonNode value = random.nextBoolean() ? plausibleValue() : hostileValue(raw);
        String whole = new String(render(valid, Map.of(), false), StandardCharsets.UTF_8);
        String duplicate = quoted(name) + ":" + new String(render(value, raw, false), StandardCharsets.UTF_8);
        String text = random.nextBoolean()
                ? "{" + duplicate + (whole.length() > 2 ? "," : "") + whole.substring(1)
                : whole.substring(0, whole.length() - 1) + (whole.length() > 2 ? "," : "") + duplicate + "}";
        return new Body(text.getBytes(StandardCharsets.UTF_8), contentType, "duplicated key " + name);
    }

    private Body randomBytes(String contentType) {
        byte[] bytes = new byte[random.nextInt(2_000)];
        int flavour = random.nextInt(3);
        if (flavour == 0) {
            random.nextBytes(bytes);
            return new Body(bytes, contentType, "random bytes");
        }
        if (flavour == 1) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (0x20 + random.nextInt(0x5F));
            }
            return new Body(bytes, contentType, "random printable ASCII");
        }
        byte[] invalidUtf8 = {'{', '"', 't', 'o', 'p', 'i', 'c', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
        return new Body(invalidUtf8, contentType, "invalid UTF-8 in a string");
    }

    private Body otherTopLevel(ObjectNode valid, String contentType) {
        String validText = new String(render(valid, Map.of(), false), StandardCharsets.UTF_8);
        List<String> bodies = List.of("", "   ", "null", "[]", "[" + validText + "]", "\"text\"", "42", "-1e999999",
                "true", "{}", validText + validText, validText + "]", "\uFEFF" + validText, "{\"a\":1}garbage",
                "{\"a\":" + nested(2_000) + "}", nested(100_000));
        String text = bodies.get(random.nextInt(bodies.size()));
        return new Body(text.getBytes(StandardCharsets.UTF_8), contentType,
                "top level " + (text.length() > 40 ? text.substring(0, 40) + "..." : text));
    }

    /** A value no valid body has here; raw JSON (numbers out of range, deep nesting) goes through {@code raw}. */
    private JsonNode hostileValue(Map<String, String> raw) {
        return switch (random.nextInt(24)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextInt() - (long) Integer.MAX_VALUE * 2);
            case 3 -> NODES.numberNode(random.nextDouble() * 1e6 - 5e5);
            case 4 -> rawValue(raw, "9".repeat(1 + random.nextInt(1_500)));
            case 5 -> rawValue(raw, List.of("1e999999999", "-1e999999999", "1E-999999999", "1e400", "-0.0",
                    "123456789012345678901234567890.123456789", "0.00000000000000000001", "1e2147483648")
                    .get(random.nextInt(8)));
            case 6 -> NODES.textNode("");
            case 7 -> NODES.textNode(List.of(" ", "\t", "\n\n", "\u00A0", "\u2028").get(random.nextInt(5)));
            case 8, 9 -> NODES.textNode(longText(LONG_TEXT_LENGTHS[random.nextInt(LONG_TEXT_LENGTHS.length)]));
            case 10, 11 -> NODES.textNode(withControlCharacter());
            case 12 -> NODES.textNode(List.of("\uD800", "x\uDFFFy", "\uDBFF\uDBFF", "\uDC00\uD800").get(random.nextInt(4)));
            case 13 -> NODES.textNode(List.of("😀👩‍👩‍👧", "שלום", "e\u0301\u0301\u0301", "\u200B\u200E\uFEFF", "\uFFFF\uFFFE")
                    .get(random.nextInt(5)));
            case 14 -> NODES.textNode(List.of("'; DROP TABLE domain_event_entry; --", "<script>alert(1)</script>",
                    "${jndi:ldap://x/a}", "%s%n%x", "../../etc/passwd", "\\u0000", "null", "NaN").get(random.nextInt(8)));
            case 15 -> NODES.textNode(List.of("not-a-uuid", "2026-13-45", "+999999999-12-31", "eur", "EUR ", "XXX",
                    "lost", "QUALIFIED", "00000000-0000-0000-0000-00000000000g").get(random.nextInt(9)));
            case 16 -> NODES.textNode(randomId());
            case 17 -> NODES.arrayNode();
            case 18 -> NODES.arrayNode().add(hostileValue(raw)).add(plausibleValue());
            case 19 -> NODES.objectNode();
            case 20 -> NODES.objectNode().set(unknownName(), hostileValue(raw));
            case 21 -> rawValue(raw, nested(List.of(50, 600, 999, 1_001, 5_000).get(random.nextInt(5))));
            case 22 -> {
                ArrayNode many = NODES.arrayNode();
                int count = random.nextInt(3_000);
                for (int i = 0; i < count; i++) {
                    many.add(randomId());
                }
                yield many;
            }
            default -> plausibleValue();
        };
    }

    /** A value some valid body has somewhere (right type, maybe the wrong field). */
    private JsonNode plausibleValue() {
        return switch (random.nextInt(8)) {
            case 0 -> NODES.textNode("Mallory");
            case 1 -> NODES.textNode("QUALIFIED");
            case 2 -> NODES.numberNode(random.nextInt(100));
            case 3 -> NODES.booleanNode(true);
            case 4 -> NODES.textNode(randomId());
            case 5 -> NODES.textNode("2026-09-30");
            case 6 -> NODES.objectNode().put("amount", 10).put("currency", "EUR");
            default -> NODES.textNode("CREATE_NEW");
        };
    }

    /** A UUID-shaped id from the seeded random, so a seed repeats the same bodies. */
    private String randomId() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private String withControlCharacter() {
        char control = random.nextInt(10) == 0 ? '\u007F' : (char) random.nextInt(0x20);
        return "Ana" + control + "Lopez" + (random.nextBoolean() ? "\u0000" : "");
    }

    private String longText(int length) {
        char fill = random.nextBoolean() ? 'x' : 'é';
        return String.valueOf(fill).repeat(length);
    }

    private String unknownName() {
        return List.of("unknownField", "topicc", "__proto__", "constructor", "", "a\u0000b", "\uD800",
                "x".repeat(5_000), "@class", "$type").get(random.nextInt(10));
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static JsonNode rawValue(Map<String, String> raw, String json) {
        String placeholder = "@@raw-" + raw.size() + "@@";
        raw.put(placeholder, json);
        return NODES.textNode(placeholder);
    }

    private static String describe(JsonNode value, Map<String, String> raw) {
        String text = value.isTextual() && raw.containsKey(value.asText()) ? raw.get(value.asText()) : value.toString();
        return text.length() > 60 ? text.substring(0, 60) + "...(" + text.length() + " chars)" : text;
    }

    private static String quoted(String name) {
        return NODES.textNode(name).toString();
    }

    /** The JSON text of {@code node}, raw fragments in place of their placeholders; optionally all ASCII. */
    private static byte[] render(JsonNode node, Map<String, String> raw, boolean escapeNonAscii) {
        try {
            String text = (escapeNonAscii ? ASCII : PLAIN).writeValueAsString(node);
            for (Map.Entry<String, String> fragment : raw.entrySet()) {
                text = text.replace("\"" + fragment.getKey() + "\"", fragment.getValue());
            }
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A hostile body could not be written", e);
        }
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> objects) {
        if (node instanceof ObjectNode object) {
            objects.add(object);
        }
        node.elements().forEachRemaining(child -> collectObjects(child, objects));
    }

    private static void collectSlots(JsonNode node, String path, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            Iterator<String> names = object.fieldNames();
            List<String> fields = new ArrayList<>();
            names.forEachRemaining(fields::add);
            for (String field : fields) {
                String fieldPath = path.isEmpty() ? field : path + "." + field;
                slots.add(new Slot(fieldPath, object, field, -1));
                collectSlots(object.get(field), fieldPath, slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(path + "[" + i + "]", array, null, i));
                collectSlots(array.get(i), path + "[" + i + "]", slots);
            }
        }
    }

    /** A place in a body: a field of an object or an element of an array. */
    private record Slot(String path, JsonNode container, String field, int index) {

        void set(JsonNode value) {
            if (container instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) container).set(index, value);
            }
        }

        void remove() {
            if (container instanceof ObjectNode object) {
                object.remove(field);
            } else {
                ((ArrayNode) container).remove(index);
            }
        }
    }
}
