package dev.leadqualification.query.publishing;

import dev.leadqualification.query.stream.CloudEventWriter;
import dev.leadqualification.query.stream.StoredEvent;
import dev.leadqualification.query.stream.StoredEvents;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The publisher processor's one handler: each event of a batch becomes a broker message, and the batch is sent (and
 * confirmed) when its unit of work is about to commit, before the processor's token is stored with it. How it fits
 * together: {@link dev.leadqualification.query.publishing}.
 */
@ProcessingGroup(EventPublisher.PROCESSOR)
@DisallowReplay
public class EventPublisher {

    /** The processor, its processing group and its dead-letter queue's group: one name. */
    public static final String PROCESSOR = "event-publisher";
    public static final String EXCHANGE = "lead-qualification.events";
    static final String CONTENT_TYPE = "application/cloudevents+json";
    /** The routing key's first part for an event that no aggregate applied. */
    static final String NO_RECORD_TYPE = "event";

    private static final String OUTGOING = EventPublisher.class.getName() + ".outgoing";

    private final StoredEvents storedEvents;
    private final CloudEventWriter writer;
    private final ConfirmedSends sends;

    EventPublisher(StoredEvents storedEvents, CloudEventWriter writer, ConfirmedSends sends) {
        this.storedEvents = storedEvents;
        this.writer = writer;
        this.sends = sends;
    }

    /** Every event, as stored: the stored row is read again so that the bytes are those {@code /api/events} sends. */
    @EventHandler
    void publish(EventMessage<?> event, UnitOfWork<?> unitOfWork) {
        Outgoing outgoing = outgoing(unitOfWork.root());
        outgoing.messages.add(message(outgoing.stored(event.getIdentifier())));
    }

    private ConfirmedSends.Outgoing message(StoredEvent stored) {
        String json;
        try {
            json = writer.write(stored).json();
        } catch (RuntimeException e) {
            throw new UnpublishableEvent("Event " + stored.eventId() + " at position " + stored.position() + " ("
                    + stored.typeName() + ") cannot be written as a CloudEvent: " + e.getMessage(), e);
        }
        return new ConfirmedSends.Outgoing(stored.eventId(), routingKey(stored), MessageBuilder
                .withBody(json.getBytes(StandardCharsets.UTF_8))
                .setContentType(CONTENT_TYPE)
                .setContentEncoding(StandardCharsets.UTF_8.name())
                .setMessageId(stored.eventId())
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .setHeader("position", stored.position())
                .setHeader("sequence", stored.sequenceNumber())
                .build());
    }

    /** {@code <record type in lower case>.<EventName>}, e.g. {@code lead.LeadQualified}. */
    static String routingKey(StoredEvent stored) {
        String recordType = stored.aggregateType() == null ? NO_RECORD_TYPE
                : stored.aggregateType().toLowerCase(Locale.ROOT);
        return recordType + "." + stored.typeName();
    }

    /** The messages of this unit of work, sent when it is about to commit. */
    private Outgoing outgoing(UnitOfWork<?> root) {
        return root.getOrComputeResource(OUTGOING, key -> {
            Outgoing outgoing = new Outgoing(root);
            root.onPrepareCommit(unit -> sends.send(outgoing.messages));
            return outgoing;
        });
    }

    /** A batch's messages, and its events' stored rows, read with one query for the whole batch. */
    private final class Outgoing {

        private final UnitOfWork<?> unitOfWork;
        private final List<ConfirmedSends.Outgoing> messages = new ArrayList<>();
        private Map<String, StoredEvent> rows;

        private Outgoing(UnitOfWork<?> unitOfWork) {
            this.unitOfWork = unitOfWork;
        }

        private StoredEvent stored(String eventId) {
            if (rows == null) {
                rows = read(unitOfWork instanceof BatchingUnitOfWork<?> batch
                        ? batch.getMessages().stream().map(Message::getIdentifier).toList()
                        : List.of(eventId));
            }
            StoredEvent stored = rows.get(eventId);
            if (stored == null) {
                // an event handled outside the batch that was read (a parked one being retried)
                stored = read(List.of(eventId)).get(eventId);
            }
            if (stored == null) {
                throw new UnpublishableEvent("Event " + eventId + " is not in the event store", null);
            }
            return stored;
        }

        private Map<String, StoredEvent> read(List<String> eventIds) {
            Map<String, StoredEvent> byId = new HashMap<>();
            storedEvents.withIdentifiers(eventIds).forEach(stored -> byId.put(stored.eventId(), stored));
            return byId;
        }
    }
}
