package dev.leadqualification.platform.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Events as the version before owners and campaigns stored them (resources {@code stored-events/before-owners}): a
 * lead created by {@value #CREATOR}, qualified by {@value #QUALIFIER} into an account, a contact and an opportunity,
 * and the qualification's completion. For tests that write them straight into the event store ({@link #INSERT}) and
 * read them back through the services. Published with the platform's test-jar.
 */
public record StoredBeforeOwners(String leadId, String qualificationId, String accountId, String contactId,
                                 String opportunityId) {

    public static final String CREATOR = "sam";
    public static final String QUALIFIER = "ann";

    /** Parameters: {@link StoredEvent#insertParameters()}. */
    public static final String INSERT = """
            INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                            payload, payload_revision, payload_type, time_stamp)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    static final List<String> FILES = List.of("0-lead-created.json", "1-lead-qualified.json", "2-account-created.json",
            "3-contact-created.json", "4-opportunity-created.json", "5-lead-qualification-completed.json");

    private static final ObjectMapper JSON = new ObjectMapper();

    public static StoredBeforeOwners withNewIds() {
        return new StoredBeforeOwners(newId(), newId(), newId(), newId(), newId());
    }

    /** One stored row: the bytes as the previous version wrote them. */
    public record StoredEvent(String aggregateType, String aggregateId, long sequence, String payloadType,
                              String revision, String metaData, String payload) {

        public Object[] insertParameters() {
            return new Object[]{aggregateId, sequence, aggregateType, UUID.randomUUID().toString(),
                    metaData.getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8), revision,
                    payloadType, Instant.now().toString()};
        }
    }

    /** The events in the order they were stored. */
    public List<StoredEvent> events() {
        Map<String, String> ids = Map.of("leadId", leadId, "qualificationId", qualificationId, "accountId", accountId,
                "contactId", contactId, "opportunityId", opportunityId);
        return FILES.stream().map(file -> read(file, ids)).toList();
    }

    private static StoredEvent read(String file, Map<String, String> ids) {
        String text;
        try (InputStream in = StoredBeforeOwners.class.getResourceAsStream("/stored-events/before-owners/" + file)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, String> id : ids.entrySet()) {
            text = text.replace("{{" + id.getKey() + "}}", id.getValue());
        }
        try {
            JsonNode row = JSON.readTree(text);
            return new StoredEvent(row.path("aggregateType").asText(), row.path("aggregateId").asText(),
                    row.path("sequence").asLong(), row.path("payloadType").asText(), row.path("revision").asText(),
                    JSON.writeValueAsString(row.path("metaData")), JSON.writeValueAsString(row.path("payload")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
