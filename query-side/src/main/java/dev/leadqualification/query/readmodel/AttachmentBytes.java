package dev.leadqualification.query.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Events shown to auditors and subscribers (history, event stream) leave attachment bytes out: an
 * {@code attachment.content} anywhere in the payload becomes {@code attachment.contentSize}, its size in bytes.
 * The bytes themselves are served by {@code GET /api/attachments/{noteId}}.
 */
public final class AttachmentBytes {

    private AttachmentBytes() {
    }

    /** Replaces every {@code attachment.content} in the tree (in place) and answers the tree. */
    public static JsonNode hidden(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.get("attachment") instanceof ObjectNode attachment && attachment.has("content")) {
                attachment.put("contentSize", size(attachment.remove("content")));
            }
            object.elements().forEachRemaining(AttachmentBytes::hidden);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(AttachmentBytes::hidden);
        }
        return node;
    }

    /** Bytes as Jackson holds them: a binary node (from a payload object) or base64 text (from stored JSON). */
    private static long size(JsonNode content) {
        return content instanceof BinaryNode binary ? binary.binaryValue().length
                : content.isTextual() ? decodedLength(content.asText()) : 0;
    }

    /** The length of what base64 text decodes to, without decoding it. */
    static long decodedLength(String base64) {
        int length = base64.length();
        int padding = 0;
        while (padding < 2 && length - padding > 0 && base64.charAt(length - 1 - padding) == '=') {
            padding++;
        }
        int symbols = length - padding;
        return symbols * 3L / 4;
    }
}
