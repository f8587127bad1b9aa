package dev.leadqualification.query.lead;

import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.lead.LeadDetails;
import dev.leadqualification.kernel.lead.LeadStatus;
import dev.leadqualification.kernel.lead.StatusReason;
import dev.leadqualification.kernel.qualification.QualificationDetails;
import dev.leadqualification.query.readmodel.JsonColumns;
import dev.leadqualification.query.readmodel.Page;
import dev.leadqualification.query.readmodel.PageRequest;
import dev.leadqualification.query.readmodel.PagedQuery;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.leadqualification.query.readmodel.SqlValues.instant;

/** Reads {@code lead_view} and {@code lead_note_view}. */
@Repository
public class LeadViews {

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonColumns json;

    public LeadViews(NamedParameterJdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<LeadWithNotes> find(UUID leadId) {
        MapSqlParameterSource id = new MapSqlParameterSource("leadId", leadId);
        return jdbc.query("SELECT * FROM lead_view WHERE lead_id = :leadId", id, (row, n) -> lead(row)).stream()
                .findFirst()
                .map(lead -> new LeadWithNotes(lead, jdbc.query(
                        "SELECT * FROM lead_note_view WHERE lead_id = :leadId ORDER BY position", id,
                        (row, n) -> note(row, json))));
    }

    /** Newest first; {@code status}, {@code ownerId} and {@code search} narrow the list when given. */
    public Page<LeadView> list(LeadStatus status, String ownerId, String search, PageRequest page) {
        return PagedQuery.over("lead_view", "lead_id")
                .whereEquals("status", status == null ? null : status.name())
                .whereEquals("owner_id", ownerId)
                .searching(search)
                .fetch(jdbc, page, (row, n) -> lead(row));
    }

    /** A row of {@code lead_note_view} (also read where notes were transferred to an opportunity). */
    public static NoteView note(ResultSet row, JsonColumns json) throws SQLException {
        return new NoteView(row.getString("note_id"), row.getString("title"), row.getString("text"),
                instant(row, "created_at"), row.getString("created_by"),
                json.read(row, "attachment", NoteView.AttachmentMetadata.class));
    }

    private LeadView lead(ResultSet row) throws SQLException {
        LeadDetails details = json.read(row, "details", LeadDetails.class);
        return new LeadView(
                row.getString("lead_id"),
                details,
                json.read(row, "qualification_details", QualificationDetails.class),
                details.fullName(),
                LeadStatus.valueOf(row.getString("status")),
                StatusReason.valueOf(row.getString("status_reason")),
                ProcessStage.valueOf(row.getString("process_stage")),
                json.read(row, "qualification", QualificationView.class),
                json.read(row, "disqualification", DisqualificationView.class),
                row.getString("owner_id"),
                instant(row, "created_at"),
                row.getString("created_by"),
                instant(row, "modified_at"),
                row.getString("modified_by"),
                row.getLong("version"));
    }
}
