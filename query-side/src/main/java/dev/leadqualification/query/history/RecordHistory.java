package dev.leadqualification.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadqualification.platform.eventstore.MetadataKeys;
import dev.leadqualification.query.readmodel.AttachmentBytes;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * A record's history for auditors: every event, in order, with its payload as the API's JSON (Spring's
 * ObjectMapper). Attachment bytes are left out ({@link AttachmentBytes}): an auditor needs to know what
 * happened, not megabytes of base64.
 */
@Component
public class RecordHistory {

    private final RecordEvents events;
    private final ObjectMapper objectMapper;

    public RecordHistory(RecordEvents events, ObjectMapper objectMapper) {
        this.events = events;
        this.objectMapper = objectMapper;
    }

    /** Every event of the record of {@code aggregateType}; empty when there is no such record. */
    public List<HistoryEntry> of(String aggregateType, UUID recordId) {
        return events.of(aggregateType, recordId).map(this::entry).toList();
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
