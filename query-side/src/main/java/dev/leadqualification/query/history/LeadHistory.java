package dev.leadqualification.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadqualification.platform.eventstore.MetadataKeys;
import dev.leadqualification.query.readmodel.AttachmentBytes;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * A lead's history for auditors: every event, in order, with its payload as the API's JSON (Spring's
 * ObjectMapper). Attachment bytes are left out ({@link AttachmentBytes}): an auditor needs to know what
 * happened, not megabytes of base64.
 */
@Component
public class LeadHistory {

    private final LeadEvents events;
    private final ObjectMapper objectMapper;

    public LeadHistory(LeadEvents events, ObjectMapper objectMapper) {
        this.events = events;
        this.objectMapper = objectMapper;
    }

    /** Every event of the lead; empty when there is no such lead. */
    public List<HistoryEntry> of(UUID leadId) {
        return events.of(leadId).map(this::entry).toList();
    }

    private HistoryEntry entry(DomainEventMessage<?> event) {
        return new HistoryEntry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(), event.getTimestamp(),
                text(event.getMetaData().get(MetadataKeys.ACTOR)),
                text(event.getMetaData().get(MetadataKeys.CORRELATION_ID)),
                AttachmentBytes.hidden(objectMapper.valueToTree(event.getPayload())));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
