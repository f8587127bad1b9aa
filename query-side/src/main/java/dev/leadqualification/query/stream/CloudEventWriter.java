package dev.leadqualification.query.stream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.query.readmodel.AttachmentBytes;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadqualification.platform.eventstore.MetadataKeys;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Turns a stored event into a CloudEvents 1.0 structured-mode JSON object (the stream's SSE {@code data}):
 * <ul>
 *   <li>{@code id} the event identifier, {@code source} {@code /lead-qualification/<aggregate type>},
 *       {@code type} {@code dev.leadqualification.<EventName>}, {@code subject} the aggregate id, {@code time} the
 *       stored time, {@code datacontenttype} {@code application/json}, {@code data} the payload JSON;</li>
 *   <li>extensions: {@code position} (the global position, also the SSE id), {@code sequence} (the event's number
 *       within its aggregate, where it has one), {@code actor} and {@code correlationid} from the metadata,
 *       {@code revision} the payload revision where one is stored.</li>
 * </ul>
 * The one converter of the service: {@code GET /api/events} and the broker publisher ({@code query.publishing}) send
 * the same bytes for an event.
 * The payload is published as it is stored: the JSON tree is read straight from the {@code payload} column, no
 * event class is loaded and no upcaster runs, so an event of an older {@code revision} keeps its old shape (the
 * {@code revision} extension says which). Attachment bytes are never sent: an {@code attachment} object's
 * {@code content} is replaced by {@code contentSize} (its decoded length in bytes).
 */
public class CloudEventWriter {

    static final String SOURCE = "/lead-qualification";
    static final String TYPE_PREFIX = "dev.leadqualification.";

    private final ObjectMapper objectMapper;
    private final EventFormat format;

    public CloudEventWriter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        this.format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
        if (format == null) {
            throw new IllegalStateException("The CloudEvents JSON format (cloudevents-json-jackson) is not on the classpath");
        }
    }

    public StreamEvent write(StoredEvent stored) {
        String type = stored.typeName();
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(stored.eventId())
                .withSource(source(stored.aggregateType()))
                .withType(TYPE_PREFIX + type)
                .withTime(time(stored.timestamp()))
                .withData("application/json", JsonCloudEventData.wrap(AttachmentBytes.hidden(json(stored.payload(), stored))));
        if (stored.aggregateType() != null) {
            event.withSubject(stored.aggregateId());
            integerExtension(event, "sequence", stored.sequenceNumber());
        }
        integerExtension(event, "position", stored.position());
        if (stored.metaData() != null) {
            JsonNode metaData = json(stored.metaData(), stored);
            textExtension(event, "actor", metaData.path(MetadataKeys.ACTOR));
            textExtension(event, "correlationid", metaData.path(MetadataKeys.CORRELATION_ID));
        }
        if (stored.payloadRevision() != null) {
            event.withExtension("revision", stored.payloadRevision());
        }
        return new StreamEvent(stored.position(), type, new String(format.serialize(event.build()), StandardCharsets.UTF_8));
    }

    private JsonNode json(byte[] bytes, StoredEvent stored) {
        try {
            return objectMapper.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("The event at position " + stored.position() + " is not stored as JSON", e);
        }
    }

    /** CloudEvents integers are 32 bits; a value past that is written as a string (the library's rule). */
    private static void integerExtension(CloudEventBuilder event, String name, long value) {
        if (value <= Integer.MAX_VALUE) {
            event.withExtension(name, (int) value);
        } else {
            event.withExtension(name, Long.toString(value));
        }
    }

    private static void textExtension(CloudEventBuilder event, String name, JsonNode value) {
        if (value.isTextual()) {
            event.withExtension(name, value.asText());
        }
    }

    private static URI source(String aggregateType) {
        try {
            // the multi-argument constructor quotes whatever a path may not hold
            return new URI(null, null, aggregateType == null ? SOURCE : SOURCE + "/" + aggregateType, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Unusable aggregate type " + aggregateType, e);
        }
    }

    /** Axon stores {@code Instant.toString()}; an offset form is read too. */
    static OffsetDateTime time(String timestamp) {
        try {
            return OffsetDateTime.parse(timestamp);
        } catch (DateTimeParseException notOffset) {
            return Instant.parse(timestamp).atOffset(ZoneOffset.UTC);
        }
    }
}
