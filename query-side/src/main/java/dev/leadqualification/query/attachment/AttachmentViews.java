package dev.leadqualification.query.attachment;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

/** Reads {@code attachment_view}. */
@Repository
public class AttachmentViews {

    private final NamedParameterJdbcTemplate jdbc;

    public AttachmentViews(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredAttachment> find(UUID noteId) {
        return jdbc.query("SELECT file_name, mime_type, content FROM attachment_view WHERE note_id = :noteId",
                new MapSqlParameterSource("noteId", noteId),
                (row, n) -> new StoredAttachment(row.getString("file_name"), row.getString("mime_type"),
                        row.getBytes("content"))).stream().findFirst();
    }
}
