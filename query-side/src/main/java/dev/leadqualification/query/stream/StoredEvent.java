package dev.leadqualification.query.stream;

/**
 * One row of the event store ({@code domain_event_entry}) as it is stored: payload and metadata are Axon's
 * Jackson-serialized JSON. {@code aggregateType} is null for an event that no aggregate applied.
 */
public record StoredEvent(long position, String eventId, String aggregateType, String aggregateId, long sequenceNumber,
                   String payloadType, String payloadRevision, String timestamp, byte[] payload, byte[] metaData) {

    /** The payload class's simple name ({@code LeadQualified}): the event's type on the stream. */
    public String typeName() {
        return simpleName(payloadType);
    }

    static String simpleName(String className) {
        return className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    }
}
