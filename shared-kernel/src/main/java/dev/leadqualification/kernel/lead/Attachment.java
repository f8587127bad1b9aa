package dev.leadqualification.kernel.lead;

/** A file attached to a note. In events the bytes are base64-encoded JSON, like every binary field. */
public record Attachment(String fileName, String mimeType, byte[] content) {

    /** The most an attachment may hold, decoded. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    public int size() {
        return content.length;
    }
}
