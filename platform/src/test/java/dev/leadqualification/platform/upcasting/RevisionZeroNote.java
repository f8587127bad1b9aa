package dev.leadqualification.platform.upcasting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A {@code NoteAdded} as the first release stored it (revision 0, the attachment as {@code name}, {@code type},
 * {@code data}), for tests that write it straight into the event store: no API writes that shape any more.
 * Published with the platform's test-jar; plain JDK, so any test can run {@link #INSERT} with its own JDBC means.
 */
public record RevisionZeroNote(String leadId, long sequence, String noteId, String actor, String fileName,
                               String mimeType, byte[] content) {

    public static final String TITLE = "First call";
    public static final String TEXT = "Budget is there.";

    /** The row's parameters, in order, are {@link #insertParameters()}. */
    public static final String INSERT = """
            INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data,
                                            payload, payload_revision, payload_type, time_stamp)
            VALUES (?, ?, 'Lead', ?, ?, ?, '%s', '%s', ?)"""
            .formatted(NoteAddedAttachmentUpcaster.OLD_REVISION, NoteAddedAttachmentUpcaster.NOTE_ADDED_TYPE);

    /** The payload as stored by the first release. */
    public String payload() {
        return """
                {"leadId": "%s", "noteId": "%s", "title": "%s", "text": "%s",
                 "attachment": {"name": "%s", "type": "%s", "data": "%s"}}"""
                .formatted(leadId, noteId, TITLE, TEXT, fileName, mimeType, Base64.getEncoder().encodeToString(content));
    }

    /** Parameters of {@link #INSERT}: the event is the lead's event number {@code sequence}, acted by {@code actor}. */
    public Object[] insertParameters() {
        String metaData = """
                {"actor": "%s", "correlationId": "%s"}""".formatted(actor, UUID.randomUUID());
        return new Object[]{leadId, sequence, UUID.randomUUID().toString(), metaData.getBytes(StandardCharsets.UTF_8),
                payload().getBytes(StandardCharsets.UTF_8), Instant.now().toString()};
    }
}
