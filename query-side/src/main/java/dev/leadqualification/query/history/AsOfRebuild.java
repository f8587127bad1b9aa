package dev.leadqualification.query.history;

import dev.leadqualification.query.readmodel.RebuildableProjection;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A record as it stood at an instant, rebuilt from its events by its own projection, so that a past state is shown
 * exactly as the read model would have shown it then, without a second copy of the projection logic.
 * <p>
 * The trick: in one database transaction that is always rolled back, the record's rows are deleted from the read
 * tables ({@link RebuildableProjection#forget}), its events up to the instant are handed to the projection's own
 * event handlers (which write the rows afresh, inside this transaction), and the result is read back with the read
 * model's own reader. The rollback then restores the current rows: no other reader ever sees the rebuilt state
 * (PostgreSQL shows uncommitted changes to nobody else), and the projection's processor merely waits for the row
 * locks for that moment.
 */
@Component
public class AsOfRebuild {

    private final RecordEvents events;
    private final TransactionTemplate transactions;
    /** Axon's own dispatch to each projection's @EventHandler methods, built once per projection. */
    private final Map<RebuildableProjection, AnnotationEventHandlerAdapter> handlers = new ConcurrentHashMap<>();

    public AsOfRebuild(RecordEvents events, PlatformTransactionManager transactionManager) {
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * The record {@code recordId} of {@code aggregateType} with the events stored up to and including {@code asOf}
     * applied by {@code projection} (the first events of its history, in order, up to the first one after that
     * instant), as {@code reader} reads it; empty when it did not exist yet (or not at all).
     */
    public <T> Optional<T> find(String aggregateType, RebuildableProjection projection,
                                Function<UUID, Optional<T>> reader, UUID recordId, Instant asOf) {
        // each event gets its payload, sequence number, timestamp and actor from the stored event, exactly as when
        // the processor delivers it
        AnnotationEventHandlerAdapter handler = handlers.computeIfAbsent(projection, AnnotationEventHandlerAdapter::new);
        return transactions.execute(transaction -> {
            transaction.setRollbackOnly();
            projection.forget(recordId);
            events.of(aggregateType, recordId)
                    .takeWhile(event -> !event.getTimestamp().isAfter(asOf))
                    .forEach(event -> project(handler, event));
            return reader.apply(recordId);
        });
    }

    private static void project(AnnotationEventHandlerAdapter handler, EventMessage<?> event) {
        try {
            handler.handle(event);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The projection failed on " + event.getPayloadType().getSimpleName(), e);
        }
    }
}
