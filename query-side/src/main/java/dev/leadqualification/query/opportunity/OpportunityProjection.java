package dev.leadqualification.query.opportunity;

import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.opportunity.NoteTransferred;
import dev.leadqualification.kernel.opportunity.OpportunityClosed;
import dev.leadqualification.kernel.opportunity.OpportunityAssigned;
import dev.leadqualification.kernel.opportunity.OpportunityCreated;
import dev.leadqualification.kernel.opportunity.OpportunityReopened;
import dev.leadqualification.kernel.opportunity.OpportunityStageChanged;
import dev.leadqualification.kernel.opportunity.OpportunityStatus;
import dev.leadqualification.kernel.opportunity.OpportunityUpdated;
import dev.leadqualification.platform.eventstore.MetadataKeys;
import dev.leadqualification.query.readmodel.JsonColumns;
import dev.leadqualification.query.readmodel.ProjectionWrites;
import dev.leadqualification.query.readmodel.RebuildableProjection;
import dev.leadqualification.query.readmodel.SearchText;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

import static dev.leadqualification.query.readmodel.SqlValues.timestamp;
import static dev.leadqualification.query.readmodel.SqlValues.uuid;

/**
 * Projects opportunities into {@code opportunity_view} (details, stage, status and outcome) and their transferred notes
 * into {@code opportunity_note_view} (ids only: the content is the lead's note). Inserted once per id; the row's
 * {@code version} is the sequence number of the last event applied (never lowered by a redelivered one).
 */
@Component
@ProcessingGroup(OpportunityProjection.PROCESSING_GROUP)
public class OpportunityProjection implements RebuildableProjection {

    public static final String PROCESSING_GROUP = "opportunity-projection";

    private final ProjectionWrites writes;
    private final JsonColumns json;

    public OpportunityProjection(ProjectionWrites writes, JsonColumns json) {
        this.writes = writes;
        this.json = json;
    }

    @EventHandler
    public void on(OpportunityCreated event, @SequenceNumber long sequence, @Timestamp Instant at,
                   @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        ProcessStage stage = event.processStage() == null ? ProcessStage.DEVELOP : event.processStage();
        writes.update("""
                INSERT INTO opportunity_view (opportunity_id, details, customer, account_id, contact_id,
                                              originating_lead_id, process_stage, status, search_text, owner_id,
                                              created_at, created_by, version)
                VALUES (:opportunityId, CAST(:details AS jsonb), CAST(:customer AS jsonb), :accountId, :contactId,
                        :originatingLeadId, :processStage, :status, :searchText, :ownerId, :at, :actor, :version)
                ON CONFLICT (opportunity_id) DO NOTHING""", new MapSqlParameterSource()
                .addValue("opportunityId", uuid(event.opportunityId()))
                .addValue("details", json.write(event.details()))
                .addValue("customer", json.write(event.customer()))
                .addValue("accountId", uuid(event.accountId()))
                .addValue("contactId", uuid(event.contactId()))
                .addValue("originatingLeadId", uuid(event.originatingLeadId()))
                .addValue("processStage", stage.name())
                .addValue("status", OpportunityStatus.OPEN.name())
                .addValue("searchText", SearchText.of(event.details().name()))
                .addValue("ownerId", event.ownerId())
                .addValue("at", timestamp(at))
                .addValue("actor", actor)
                .addValue("version", sequence));
    }

    @EventHandler
    public void on(OpportunityAssigned event, @SequenceNumber long sequence) {
        writes.update("UPDATE opportunity_view SET owner_id = :ownerId, version = :version"
                + " WHERE opportunity_id = :opportunityId AND version < :version", new MapSqlParameterSource()
                .addValue("opportunityId", uuid(event.opportunityId()))
                .addValue("ownerId", event.ownerId())
                .addValue("version", sequence));
    }

    @EventHandler
    public void on(NoteTransferred event, @SequenceNumber long sequence) {
        writes.update("""
                INSERT INTO opportunity_note_view (opportunity_id, note_id, from_lead_id)
                VALUES (:opportunityId, :noteId, :fromLeadId)
                ON CONFLICT (opportunity_id, note_id) DO NOTHING""", new MapSqlParameterSource()
                .addValue("opportunityId", uuid(event.opportunityId()))
                .addValue("noteId", uuid(event.noteId()))
                .addValue("fromLeadId", uuid(event.fromLeadId())));
        change(event.opportunityId(), sequence, "", new MapSqlParameterSource());
    }

    @EventHandler
    public void on(OpportunityUpdated event, @SequenceNumber long sequence) {
        change(event.opportunityId(), sequence, "details = CAST(:details AS jsonb), search_text = :searchText,",
                new MapSqlParameterSource()
                        .addValue("details", json.write(event.details()))
                        .addValue("searchText", SearchText.of(event.details().name())));
    }

    @EventHandler
    public void on(OpportunityStageChanged event, @SequenceNumber long sequence) {
        change(event.opportunityId(), sequence, "process_stage = :processStage,",
                new MapSqlParameterSource("processStage", event.processStage().name()));
    }

    @EventHandler
    public void on(OpportunityClosed event, @SequenceNumber long sequence) {
        change(event.opportunityId(), sequence, """
                        status = :status, actual_revenue = CAST(:actualRevenue AS jsonb), close_date = :closeDate,
                        close_reason = :closeReason,""", new MapSqlParameterSource()
                        .addValue("status", event.outcome().status().name())
                        .addValue("actualRevenue", json.write(event.actualRevenue()))
                        .addValue("closeDate", event.closeDate())
                        .addValue("closeReason", event.reason()));
    }

    /** Open again: the outcome of the close no longer holds. */
    @EventHandler
    public void on(OpportunityReopened event, @SequenceNumber long sequence) {
        change(event.opportunityId(), sequence, """
                        status = :status, actual_revenue = NULL, close_date = NULL, close_reason = NULL,""",
                new MapSqlParameterSource("status", OpportunityStatus.OPEN.name()));
    }

    /**
     * Sets {@code assignments} (each followed by a comma) and the version, unless the row has applied this event
     * already (a redelivery never takes the row back to an older state).
     */
    private void change(String opportunityId, long sequence, String assignments, MapSqlParameterSource values) {
        writes.update("UPDATE opportunity_view SET " + assignments + " version = :version"
                + " WHERE opportunity_id = :opportunityId AND version < :version", values
                .addValue("opportunityId", uuid(opportunityId))
                .addValue("version", sequence));
    }

    /** Deletes the opportunity's rows, so that its events can be applied afresh (an as-of read). */
    @Override
    public void forget(UUID opportunityId) {
        MapSqlParameterSource id = new MapSqlParameterSource("opportunityId", opportunityId);
        writes.update("DELETE FROM opportunity_note_view WHERE opportunity_id = :opportunityId", id);
        writes.update("DELETE FROM opportunity_view WHERE opportunity_id = :opportunityId", id);
    }
}
