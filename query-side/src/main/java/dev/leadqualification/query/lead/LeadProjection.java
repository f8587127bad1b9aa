package dev.leadqualification.query.lead;

import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.lead.DuplicateDetected;
import dev.leadqualification.kernel.lead.LeadAssigned;
import dev.leadqualification.kernel.lead.LeadCreated;
import dev.leadqualification.kernel.lead.LeadDetails;
import dev.leadqualification.kernel.lead.LeadDisqualified;
import dev.leadqualification.kernel.lead.LeadQualificationCompleted;
import dev.leadqualification.kernel.lead.LeadQualificationFailed;
import dev.leadqualification.kernel.lead.LeadQualified;
import dev.leadqualification.kernel.lead.LeadReactivated;
import dev.leadqualification.kernel.lead.LeadStatus;
import dev.leadqualification.kernel.lead.LeadStatusReasonChanged;
import dev.leadqualification.kernel.lead.LeadUpdated;
import dev.leadqualification.kernel.lead.NoteAdded;
import dev.leadqualification.kernel.lead.QualificationDetailsUpdated;
import dev.leadqualification.kernel.lead.StatusReason;
import dev.leadqualification.kernel.qualification.QualificationDetails;
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
 * Projects the lead's events into {@code lead_view} and {@code lead_note_view}. Delivery is at least once:
 * the row's {@code version} is the sequence number of the last event applied, and an event whose sequence
 * is not above it has been applied already and changes nothing; notes are inserted once per id.
 */
@Component
@ProcessingGroup(LeadProjection.PROCESSING_GROUP)
public class LeadProjection implements RebuildableProjection {

    public static final String PROCESSING_GROUP = "lead-projection";

    private final ProjectionWrites writes;
    private final JsonColumns json;

    public LeadProjection(ProjectionWrites writes, JsonColumns json) {
        this.writes = writes;
        this.json = json;
    }

    /** Removes the lead's rows, so that its events can be applied afresh (an as-of read, in a rolled-back transaction). */
    @Override
    public void forget(UUID leadId) {
        MapSqlParameterSource id = new MapSqlParameterSource("leadId", leadId);
        writes.update("DELETE FROM lead_note_view WHERE lead_id = :leadId", id);
        writes.update("DELETE FROM lead_view WHERE lead_id = :leadId", id);
    }

    @EventHandler
    public void on(LeadCreated event, @SequenceNumber long sequence, @Timestamp Instant at,
                   @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        writes.update("""
                INSERT INTO lead_view (lead_id, details, qualification_details, status, status_reason, process_stage,
                                       search_text, owner_id, created_at, created_by, modified_at, modified_by, version)
                VALUES (:leadId, CAST(:details AS jsonb), CAST(:qualificationDetails AS jsonb), :status, :statusReason,
                        :processStage, :searchText, :ownerId, :at, :actor, :at, :actor, :version)
                ON CONFLICT (lead_id) DO NOTHING""", new MapSqlParameterSource()
                .addValue("leadId", uuid(event.leadId()))
                .addValue("details", json.write(event.details()))
                .addValue("qualificationDetails", json.write(QualificationDetails.NONE))
                .addValue("status", LeadStatus.OPEN.name())
                .addValue("statusReason", StatusReason.NEW.name())
                .addValue("processStage", ProcessStage.QUALIFY.name())
                .addValue("searchText", searchText(event.details()))
                .addValue("ownerId", event.ownerId())
                .addValue("at", timestamp(at))
                .addValue("actor", actor)
                .addValue("version", sequence));
    }

    @EventHandler
    public void on(LeadUpdated event, @SequenceNumber long sequence, @Timestamp Instant at,
                   @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        change(event.leadId(), sequence, at, actor, "details = CAST(:details AS jsonb), search_text = :searchText",
                new MapSqlParameterSource()
                        .addValue("details", json.write(event.details()))
                        .addValue("searchText", searchText(event.details())));
    }

    @EventHandler
    public void on(LeadAssigned event, @SequenceNumber long sequence, @Timestamp Instant at,
                   @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        change(event.leadId(), sequence, at, actor, "owner_id = :ownerId",
                new MapSqlParameterSource("ownerId", event.ownerId()));
    }

    @EventHandler
    public void on(QualificationDetailsUpdated event, @SequenceNumber long sequence, @Timestamp Instant at,
                   @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        change(event.leadId(), sequence, at, actor, "qualification_details = CAST(:qualificationDetails AS jsonb)",
                new MapSqlParameterSource("qualificationDetails", json.write(event.details())));
    }

    @EventHandler
    public void on(NoteAdded event, @SequenceNumber long sequence, @Timestamp Instant at,
                   @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        NoteView.AttachmentMetadata attachment = event.attachment() == null ? null
                : new NoteView.AttachmentMetadata(event.attachment().fileName(), event.attachment().mimeType(),
                event.attachment().size());
        writes.update("""
                INSERT INTO lead_note_view (note_id, lead_id, position, title, text, attachment, created_at, created_by)
                VALUES (:noteId, :leadId, :position, :title, :text, CAST(:attachment AS jsonb), :at, :actor)
                ON CONFLICT (note_id) DO NOTHING""", new MapSqlParameterSource()
                .addValue("noteId", uuid(event.noteId()))
                .addValue("leadId", uuid(event.leadId()))
                .addValue("position", sequence)
                .addValue("title", event.title())
                .addValue("text", event.text())
                .addValue("attachment", json.write(attachment))
                .addValue("at", timestamp(at))
                .addValue("actor", actor));
        change(event.leadId(), sequence, at, actor, "", new MapSqlParameterSource());
    }

    @EventHandler
    public void on(LeadStatusReasonChanged event, @SequenceNumber long sequence, @Timestamp Instant at,
                   @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        change(event.leadId(), sequence, at, actor, "status_reason = :statusReason",
                new MapSqlParameterSource("statusReason", event.statusReason().name()));
    }

    @EventHandler
    public void on(LeadQualified event, @SequenceNumber long sequence, @Timestamp Instant at,
                   @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        ProcessStage stage = event.processStage() == null ? ProcessStage.QUALIFY : event.processStage();
        change(event.leadId(), sequence, at, actor, """
                        status = :status, status_reason = :statusReason, process_stage = :processStage,
                        qualification = CAST(:qualification AS jsonb), disqualification = NULL""",
                new MapSqlParameterSource()
                        .addValue("status", LeadStatus.QUALIFIED.name())
                        .addValue("statusReason", StatusReason.QUALIFIED.name())
                        .addValue("processStage", stage.name())
                        .addValue("qualification", json.write(QualificationView.decided(event, at, actor))));
    }

    @EventHandler
    public void on(LeadQualificationCompleted event, @SequenceNumber long sequence, @Timestamp Instant at,
                   @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        recordOutcome(event.leadId(), event.qualificationId(), sequence, at, actor, new Completion(true, at));
    }

    @EventHandler
    public void on(LeadQualificationFailed event, @SequenceNumber long sequence, @Timestamp Instant at,
                   @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        recordOutcome(event.leadId(), event.qualificationId(), sequence, at, actor,
                new Failure(true, event.reason()));
    }

    @EventHandler
    public void on(LeadDisqualified event, @SequenceNumber long sequence, @Timestamp Instant at,
                   @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        DisqualificationView disqualification = new DisqualificationView(event.reason(), event.description(), at);
        change(event.leadId(), sequence, at, actor, """
                        status = :status, status_reason = :statusReason,
                        disqualification = CAST(:disqualification AS jsonb)""",
                new MapSqlParameterSource()
                        .addValue("status", LeadStatus.DISQUALIFIED.name())
                        .addValue("statusReason", event.reason().statusReason().name())
                        .addValue("disqualification", json.write(disqualification)));
    }

    /**
     * A duplicate warning stopped a qualification: nothing shown on the lead changes, but it is one of the
     * lead's events, so its version moves on (a client waiting for that version must not wait forever).
     */
    @EventHandler
    public void on(DuplicateDetected event, @SequenceNumber long sequence, @Timestamp Instant at,
                   @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        change(event.leadId(), sequence, at, actor, "", new MapSqlParameterSource());
    }

    /** Open again in the Qualify stage; the last qualification stays on record. */
    @EventHandler
    public void on(LeadReactivated event, @SequenceNumber long sequence, @Timestamp Instant at,
                   @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        change(event.leadId(), sequence, at, actor, """
                        status = :status, status_reason = :statusReason, process_stage = :processStage,
                        disqualification = NULL""",
                new MapSqlParameterSource()
                        .addValue("status", LeadStatus.OPEN.name())
                        .addValue("statusReason", StatusReason.NEW.name())
                        .addValue("processStage", ProcessStage.QUALIFY.name()));
    }

    /** Merges the outcome into the qualification it is about (a reactivated lead may have been qualified again since). */
    private void recordOutcome(String leadId, String qualificationId, long sequence, Instant at, String actor,
                               Object outcome) {
        change(leadId, sequence, at, actor, """
                        qualification = CASE WHEN qualification ->> 'qualificationId' = :qualificationId
                                             THEN qualification || CAST(:outcome AS jsonb)
                                             ELSE qualification END""",
                new MapSqlParameterSource()
                        .addValue("qualificationId", qualificationId)
                        .addValue("outcome", json.write(outcome)));
    }

    /**
     * Applies one event's {@code assignments} (may be empty) to the lead row and records who changed it when,
     * unless the row has applied this event already.
     */
    private void change(String leadId, long sequence, Instant at, String actor, String assignments,
                        MapSqlParameterSource values) {
        String set = assignments.isBlank() ? "" : assignments + ", ";
        writes.update("UPDATE lead_view SET " + set + "modified_at = :at, modified_by = :actor, version = :version"
                        + " WHERE lead_id = :leadId AND version < :version",
                values.addValue("leadId", uuid(leadId))
                        .addValue("version", sequence)
                        .addValue("at", timestamp(at))
                        .addValue("actor", actor));
    }

    /** The properties of {@link QualificationView} that a completion sets. */
    private record Completion(boolean completed, Instant completedAt) {
    }

    /** The properties of {@link QualificationView} that a failure sets. */
    private record Failure(boolean failed, String failureReason) {
    }

    private static String searchText(LeadDetails details) {
        return SearchText.of(details.fullName(), details.companyName(), details.email());
    }
}
