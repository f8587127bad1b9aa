package dev.leadqualification.query.lead;

import java.time.Instant;

/** A note of a lead; {@code attachment} describes its file (served by /api/attachments/{noteId}), or is null. */
public record NoteView(String noteId, String title, String text, Instant createdAt, String createdBy,
                       AttachmentMetadata attachment) {

    public record AttachmentMetadata(String fileName, String mimeType, int size) {
    }
}
