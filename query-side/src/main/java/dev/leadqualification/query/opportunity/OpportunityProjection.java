package dev.leadqualification.query.opportunity;

import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.opportunity.NoteTransferred;
import dev.leadqualification.kernel.opportunity.OpportunityCreated;
import dev.leadqualification.platform.eventstore.MetadataKeys;
import dev.leadqualification.query.readmodel.JsonColumns;
import dev.leadqualification.query.readmodel.ProjectionWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static dev.leadqualification.query.readmodel.SqlValues.timestamp;
import static dev.leadqualification.query.readmodel.SqlValues.uuid;

/**
 * Projects opportunities into {@code opportunity_view} and their transferred notes into
 * {@code opportunity_note_view} (ids only: the content is the lead's note). Inserted once per id; the row's
 * {@code version} is the sequence number of the last event applied (never lowered by a redelivered one).
 */
@Component
@ProcessingGroup(OpportunityProjection.PROCESSING_GROUP)
public class OpportunityProjection {

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
                                              originating_lead_id, process_stage, created_at, created_by, version)
                VALUES (:opportunityId, CAST(:details AS jsonb), CAST(:customer AS jsonb), :accountId, :contactId,
                        :originatingLeadId, :processStage, :at, :actor, :version)
                ON CONFLICT (opportunity_id) DO NOTHING""", new MapSqlParameterSource()
                .addValue("opportunityId", uuid(event.opportunityId()))
                .addValue("details", json.write(event.details()))
                .addValue("customer", json.write(event.customer()))
                .addValue("accountId", uuid(event.accountId()))
                .addValue("contactId", uuid(event.contactId()))
                .addValue("originatingLeadId", uuid(event.originatingLeadId()))
                .addValue("processStage", stage.name())
                .addValue("at", timestamp(at))
                .addValue("actor", actor)
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
        writes.update("UPDATE opportunity_view SET version = :version WHERE opportunity_id = :opportunityId"
                + " AND version < :version", new MapSqlParameterSource()
                .addValue("opportunityId", uuid(event.opportunityId()))
                .addValue("version", sequence));
    }
}
