package dev.leadqualification.query.attachment;

import dev.leadqualification.kernel.lead.NoteAdded;
import dev.leadqualification.query.readmodel.ProjectionWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

import static dev.leadqualification.query.readmodel.SqlValues.uuid;

/**
 * Keeps the bytes of note attachments in {@code attachment_view}, keyed by note id. A processing group of its
 * own, so the large payloads never slow down the lead projection. Inserted once per note (at-least-once delivery).
 */
@Component
@ProcessingGroup(AttachmentProjection.PROCESSING_GROUP)
public class AttachmentProjection {

    public static final String PROCESSING_GROUP = "attachment-projection";

    private final ProjectionWrites writes;

    public AttachmentProjection(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    public void on(NoteAdded event) {
        if (event.attachment() == null) {
            return;
        }
        writes.update("""
                INSERT INTO attachment_view (note_id, file_name, mime_type, content)
                VALUES (:noteId, :fileName, :mimeType, :content)
                ON CONFLICT (note_id) DO NOTHING""", new MapSqlParameterSource()
                .addValue("noteId", uuid(event.noteId()))
                .addValue("fileName", event.attachment().fileName())
                .addValue("mimeType", event.attachment().mimeType())
                .addValue("content", event.attachment().content()));
    }
}
