package dev.leadqualification.query.generation;

import dev.leadqualification.platform.database.TransientDatabaseFailure;
import dev.leadqualification.query.readmodel.ProjectionWrites;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Reads the event store into one generation's tables, the way a bulk load goes fastest: the store is read and its
 * events deserialized on a thread of its own while the previous batch is written; a batch of events
 * ({@code leads.replay.batch-size}) is applied by the projections' own handlers, its writes held and sent as JDBC batches (one round trip per statement
 * and round, {@link ProjectionWrites}), and committed with the token it has reached; the readers' indexes are built
 * after the bulk of the rows ({@link Generation.Phase#INDEXING}). Each pass reads to the end of the store as it is
 * when the pass starts its last read.
 */
final class Rebuild {


    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);
    private static final Object END = new Object();
    private static final TransactionDefinition SAVEPOINT =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

    private final Generation generation;
    private final String builder;
    private final EventStorageEngine store;
    private final TransactionTemplate transactions;
    private final Generations generations;
    private final ProjectionWrites writes;
    private final ProjectionHandlers projections;
    private final LongSupplier head;
    private final int batchSize;
    private final RebuildDeadLetters.Parked parked;
    private TrackingToken token;

    Rebuild(Generation generation, String builder, EventStorageEngine store, TransactionTemplate transactions,
            Generations generations, ProjectionWrites writes, ProjectionHandlers projections, LongSupplier head,
            int batchSize, RebuildDeadLetters deadLetters) {
        this.generation = generation;
        this.builder = builder;
        this.store = store;
        this.transactions = transactions;
        this.generations = generations;
        this.writes = writes;
        this.projections = projections;
        this.head = head;
        this.batchSize = batchSize;
        this.parked = deadLetters.of(generation.number());
        this.token = generations.token(generation);
    }

    /** Where the rebuild stands: the token of the last event applied (null before the first). */
    TrackingToken token() {
        return token;
    }

    long position() {
        return token == null ? 0 : token.position().orElse(0);
    }

    long lag() {
        return Math.max(0, head.getAsLong() - position());
    }

    /**
     * Reads every event after the rebuild's token to the end of the store. False when another instance has taken the
     * rebuild over (this one must stop). Throws what a handler could not apply.
     */
    boolean pass() {
        BlockingQueue<Object> events = new ArrayBlockingQueue<>(4 * batchSize);
        Thread reader = new Thread(() -> read(token, events), "read-model-rebuild-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
            while (true) {
                Object next = events.take();
                if (next instanceof Failure failure) {
                    throw failure.cause();
                }
                if (next != END) {
                    batch.add((TrackedEventMessage<?>) next);
                }
                if (batch.size() == batchSize || (next == END && !batch.isEmpty())) {
                    if (!apply(batch)) {
                        return false;
                    }
                    batch.clear();
                }
                if (next == END) {
                    return true;
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The rebuild was interrupted", stopped);
        } finally {
            reader.interrupt();
        }
    }

    /** Builds the readers' indexes and collects statistics, in one transaction (a resumed rebuild does it again). */
    void buildIndexes() {
        inGeneration(() -> {
            writes.define(ReadModelSchema.indexes());
            writes.define("ANALYZE lead_view, lead_note_view, attachment_view, account_view, contact_view,"
                    + " opportunity_view, opportunity_note_view");
            generations.phase(generation, Generation.Phase.CATCHING_UP);
            return true;
        });
    }

    /**
     * Applies one batch and records its last token, in one transaction; retried while the database is away. When the
     * batch fails otherwise, it is applied again one event and projection at a time, each in a savepoint, and what
     * fails is parked ({@link RebuildDeadLetters}), as the live processor would.
     */
    private boolean apply(List<TrackedEventMessage<?>> batch) throws InterruptedException {
        TrackingToken reached = batch.get(batch.size() - 1).trackingToken();
        boolean oneByOne = false;
        while (true) {
            try {
                boolean isolating = oneByOne;
                boolean ours = inGeneration(() -> {
                    if (isolating) {
                        applyOneByOne(batch);
                    } else {
                        applyInBulk(batch);
                    }
                    return generations.reached(generation, builder, reached);
                });
                if (ours) {
                    token = reached;
                    parked.committed();
                } else {
                    parked.rolledBack();
                }
                return ours;
            } catch (RuntimeException failure) {
                parked.rolledBack();
                if (!TransientDatabaseFailure.causedBy(failure)) {
                    if (oneByOne) {
                        throw failure;
                    }
                    log.info("Rebuilding generation {}: a batch failed ({}); applying it one event at a time",
                            generation.number(), failure.toString());
                    oneByOne = true;
                    continue;
                }
                log.warn("Rebuilding generation {}: the database is away ({}); trying again", generation.number(),
                        failure.getMessage());
                TimeUnit.SECONDS.sleep(1);
            }
        }
    }

    /** Every event's writes held and sent together as JDBC batches. */
    private void applyInBulk(List<TrackedEventMessage<?>> batch) {
        ProjectionWrites.Batch writesOfBatch = writes.newBatch();
        for (TrackedEventMessage<?> event : batch) {
            String aggregate = aggregateOf(event);
            for (ProjectionHandlers.Projection projection : projections.of(event.getPayloadType())) {
                if (parked.holds(projection.group(), aggregate)) {
                    parked.behind(projection.group(), aggregate, event);
                } else {
                    handle(writesOfBatch, aggregate, event, projection.handler());
                }
            }
        }
        writesOfBatch.flush();
    }

    /** Each event and projection in a savepoint of its own, its writes sent at once; what fails is parked. */
    private void applyOneByOne(List<TrackedEventMessage<?>> batch) {
        for (TrackedEventMessage<?> event : batch) {
            String aggregate = aggregateOf(event);
            for (ProjectionHandlers.Projection projection : projections.of(event.getPayloadType())) {
                if (parked.holds(projection.group(), aggregate)) {
                    parked.behind(projection.group(), aggregate, event);
                    continue;
                }
                TransactionStatus savepoint = transactions.getTransactionManager().getTransaction(SAVEPOINT);
                try {
                    projection.handler().handle(event);
                } catch (Exception failure) {
                    transactions.getTransactionManager().rollback(savepoint);
                    if (TransientDatabaseFailure.causedBy(failure)) {
                        throw failure instanceof RuntimeException runtime ? runtime
                                : new IllegalStateException(failure);
                    }
                    parked.park(projection.group(), aggregate, event, failure);
                    continue;
                }
                transactions.getTransactionManager().commit(savepoint);
            }
        }
    }

    private static void handle(ProjectionWrites.Batch batch, String aggregate, TrackedEventMessage<?> event,
                               EventMessageHandler projection) {
        try {
            batch.handle(aggregate, event.getIdentifier(), () -> projection.handle(event));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Event " + event.getIdentifier() + " could not be applied", e);
        }
    }

    /** The sequence an event belongs to: its aggregate (every event of this store has one), else the event itself. */
    private static String aggregateOf(TrackedEventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }

    /** Runs {@code work} in one transaction on this generation's tables; false if it rolled back. */
    private boolean inGeneration(Supplier<Boolean> work) {
        return GenerationRouting.onGeneration(generation.schemaName(), () -> Boolean.TRUE.equals(
                transactions.execute(status -> {
                    boolean ours = work.get();
                    if (!ours) {
                        status.setRollbackOnly();
                    }
                    return ours;
                })));
    }

    /** The reader thread: every event after {@code from}, deserialized, then {@link #END}. */
    private void read(TrackingToken from, BlockingQueue<Object> events) {
        try (Stream<? extends TrackedEventMessage<?>> stream = store.readEvents(from, false)) {
            var iterator = stream.iterator();
            while (iterator.hasNext()) {
                TrackedEventMessage<?> event = iterator.next();
                event.getPayload();
                event.getMetaData();
                events.put(event);
            }
            events.put(END);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error failure) {
            try {
                events.put(new Failure(failure instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(failure)));
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record Failure(RuntimeException cause) {
    }
}
