package dev.leadqualification.query.opportunity;

import dev.leadqualification.kernel.common.Money;
import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.opportunity.Customer;
import dev.leadqualification.kernel.opportunity.OpportunityDetails;
import dev.leadqualification.kernel.opportunity.OpportunityStatus;
import dev.leadqualification.kernel.qualification.QualificationDetails;
import dev.leadqualification.query.lead.LeadViews;
import dev.leadqualification.query.readmodel.JsonColumns;
import dev.leadqualification.query.readmodel.Page;
import dev.leadqualification.query.readmodel.PageRequest;
import dev.leadqualification.query.readmodel.PagedQuery;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static dev.leadqualification.query.readmodel.SqlValues.instant;

/** Reads {@code opportunity_view}, with the transferred notes' content from {@code lead_note_view}. */
@Repository
public class OpportunityViews {

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonColumns json;

    public OpportunityViews(NamedParameterJdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<OpportunityWithNotes> find(UUID opportunityId) {
        MapSqlParameterSource id = new MapSqlParameterSource("opportunityId", opportunityId);
        return jdbc.query("SELECT * FROM opportunity_view WHERE opportunity_id = :opportunityId", id,
                        (row, n) -> opportunity(row)).stream().findFirst()
                .map(opportunity -> new OpportunityWithNotes(opportunity, notes(id)));
    }

    /** Newest first; {@code status}, {@code owner} and {@code search} (in the name) narrow the list when given. */
    public Page<OpportunityView> list(OpportunityStatus status, String owner, String search, PageRequest page) {
        return PagedQuery.over("opportunity_view", "opportunity_id")
                .whereEquals("status", status == null ? null : status.name())
                .whereEquals("owner_id", owner)
                .searching(search)
                .fetch(jdbc, page, (row, n) -> opportunity(row));
    }

    /** The transferred notes whose lead note is projected already (the lead projection may still be behind). */
    private List<OpportunityNoteView> notes(MapSqlParameterSource opportunityId) {
        return jdbc.query("""
                        SELECT note.*, transfer.from_lead_id
                        FROM opportunity_note_view transfer
                        JOIN lead_note_view note ON note.note_id = transfer.note_id
                        WHERE transfer.opportunity_id = :opportunityId
                        ORDER BY note.position, note.note_id""", opportunityId,
                (row, n) -> new OpportunityNoteView(LeadViews.note(row, json), row.getString("from_lead_id")));
    }

    private OpportunityView opportunity(ResultSet row) throws SQLException {
        OpportunityDetails details = json.read(row, "details", OpportunityDetails.class);
        return new OpportunityView(
                row.getString("opportunity_id"),
                details.name(),
                json.read(row, "customer", Customer.class),
                row.getString("account_id"),
                row.getString("contact_id"),
                row.getString("originating_lead_id"),
                details.qualification() == null ? QualificationDetails.NONE : details.qualification(),
                details.estimatedValue(),
                details.currency(),
                details.estimatedCloseDate(),
                details.description(),
                details.leadSource(),
                details.campaign(),
                ProcessStage.valueOf(row.getString("process_stage")),
                OpportunityStatus.valueOf(row.getString("status")),
                json.read(row, "actual_revenue", Money.class),
                row.getObject("close_date", LocalDate.class),
                row.getString("close_reason"),
                row.getString("owner_id"),
                instant(row, "created_at"),
                row.getString("created_by"),
                row.getLong("version"));
    }
}
