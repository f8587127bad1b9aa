package dev.leadqualification.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.platform.eventstore.MetadataKeys;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/**
 * A lead's history for auditors: every event, in order, with its payload as the API's JSON (Spring's
 * ObjectMapper). Attachment bytes are left out (an auditor needs to know what happened, not megabytes of
 * base64): {@code attachment.content} becomes {@code attachment.contentSize}, the number of bytes.
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
                withoutAttachmentBytes(objectMapper.valueToTree(event.getPayload())));
    }

    private static JsonNode withoutAttachmentBytes(JsonNode data) {
        if (data.path("attachment") instanceof ObjectNode attachment && attachment.has("content")) {
            JsonNode content = attachment.remove("content");
            try {
                byte[] bytes = content.binaryValue();
                attachment.put("contentSize", bytes == null ? 0 : bytes.length);
            } catch (IOException notBase64) {
                throw new UncheckedIOException("An attachment's content is not binary", notBase64);
            }
        }
        return data;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
