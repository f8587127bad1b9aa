package dev.leadqualification.query.attachment;

/** A note's attached file, as served. */
public record StoredAttachment(String fileName, String mimeType, byte[] content) {
}
