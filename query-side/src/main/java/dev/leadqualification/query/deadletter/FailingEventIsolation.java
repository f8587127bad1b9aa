package dev.leadqualification.query.deadletter;

import dev.leadqualification.query.readmodel.ProjectionWrites;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs an event handler in a savepoint of the batch's transaction once its event has failed, so that the failed
 * handler's writes are undone alone and the transaction can still park the event.
 * <p>
 * PostgreSQL aborts the whole transaction at the first failed statement: a handler that failed on the database (or
 * after writing half of its rows) leaves a transaction in which the dead-letter queue can no longer write, and whose
 * commit would keep half an event. A savepoint around every event would prevent that but costs two round trips per
 * event — measured here, it cuts a batch's statement throughput by more than half — so an event gets one only after it
 * has failed: the first failure rolls the whole batch back ({@link IsolationRequired}, which the
 * {@link ProjectionFailurePolicy} propagates), and when the processor retries the batch that event runs in a
 * savepoint; if it fails again it is rolled back to the savepoint and parked, and the rest of the batch commits.
 * A transient failure (the database is unreachable) needs no savepoint: the batch is retried as it is.
 * <p>
 * Dead letters being retried ({@code POST /api/admin/dead-letters/.../retry}) always run in a savepoint, so that a
 * letter that fails again is put back with its new cause instead of spoiling the retry's transaction.
 * <p>
 * The events that failed are remembered in memory (the last {@value #REMEMBERED_FAILURES}); with several query-side
 * instances each learns of a failure on its own, which costs at most one more batch retry.
 * <p>
 * Handlers write through {@link ProjectionWrites}: here each handler's writes join its batch's, sent to the database
 * when the batch commits; a handler that fails leaves none of them behind. When the batch's writes fail on the
 * database, no handler can be told which of its events was at fault: every event of the batch is remembered as
 * failed, and the retry runs them one at a time in savepoints, writing at once (after sending what the batch holds
 * before them, so that each aggregate's writes keep their order), so that the failing one is parked as above.
 */
public class FailingEventIsolation implements HandlerEnhancerDefinition {

    private static final int REMEMBERED_FAILURES = 1_024;
    private static final Logger log = LoggerFactory.getLogger(FailingEventIsolation.class);
    private static final TransactionDefinition SAVEPOINT =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

    private static final String WRITES = ProjectionWrites.Batch.class.getName();

    private final PlatformTransactionManager transactions;
    private final ProjectionWrites writes;
    private final Set<String> failedEvents = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED_FAILURES;
                }
            }));

    public FailingEventIsolation(PlatformTransactionManager transactions, ProjectionWrites writes) {
        this.transactions = transactions;
        this.writes = writes;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        return original.annotationAttributes(EventHandler.class).isPresent() ? new Isolating<>(original) : original;
    }

    /**
     * A handler's first failure on an event: the batch must be rolled back and tried again, with the event isolated.
     * Carries the handler's failure as its cause.
     */
    public static class IsolationRequired extends RuntimeException {

        IsolationRequired(Message<?> event, Exception failure) {
            super("Handling event " + event.getIdentifier() + " (" + event.getPayloadType().getSimpleName()
                    + ") failed; its batch is rolled back and retried with the event in a savepoint", failure);
        }
    }

    private final class Isolating<T> extends WrappedMessageHandlingMember<T> {

        private Isolating(MessageHandlingMember<T> delegate) {
            super(delegate);
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (failedEvents.contains(message.getIdentifier()) || isDeadLetter()) {
                // its writes go to the database at once: the batch's earlier writes must be there before them
                sendHeldWrites(message);
                return inSavepoint(message, target);
            }
            try {
                ProjectionWrites.Batch batch = batchOfThisUnitOfWork();
                if (batch == null) {
                    return super.handle(message, target);
                }
                String aggregate = message instanceof DomainEventMessage<?> event ? event.getAggregateIdentifier() : null;
                return batch.handle(aggregate, message.getIdentifier(), () -> super.handle(message, target));
            } catch (Exception failure) {
                if (ProjectionFailurePolicy.isTransient(failure)) {
                    throw failure;
                }
                failedEvents.add(message.getIdentifier());
                log.info("Event {} failed in {} ({}); its batch is retried with the event isolated.",
                        message.getIdentifier(), target.getClass().getSimpleName(), failure.toString());
                throw new IsolationRequired(message, failure);
            }
        }

        private Object inSavepoint(Message<?> message, T target) throws Exception {
            TransactionStatus savepoint = transactions.getTransaction(SAVEPOINT);
            Object result;
            try {
                result = super.handle(message, target);
            } catch (Throwable failure) {
                transactions.rollback(savepoint);
                throw failure;
            }
            transactions.commit(savepoint);
            return result;
        }
    }

    /** The writes of the processor's batch, sent when it commits; none outside a unit of work. */
    private ProjectionWrites.Batch batchOfThisUnitOfWork() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> batchUnit = CurrentUnitOfWork.get().root();
        return batchUnit.getOrComputeResource(WRITES, key -> {
            ProjectionWrites.Batch batch = writes.newBatch();
            batchUnit.onPrepareCommit(unit -> send(batch));
            return batch;
        });
    }

    /**
     * Sends the writes the batch holds so far. When they fail, their events are remembered and the batch must be
     * retried ({@link IsolationRequired}): the failure is not this event's, so it must not be parked for it.
     */
    private void sendHeldWrites(Message<?> event) {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        ProjectionWrites.Batch batch = CurrentUnitOfWork.get().root().getResource(WRITES);
        if (batch == null) {
            return;
        }
        try {
            send(batch);
        } catch (RuntimeException failure) {
            if (ProjectionFailurePolicy.isTransient(failure)) {
                throw failure;
            }
            throw new IsolationRequired(event, failure);
        }
    }

    private void send(ProjectionWrites.Batch batch) {
        Set<String> events = batch.events();
        try {
            batch.flush();
        } catch (RuntimeException failure) {
            if (!ProjectionFailurePolicy.isTransient(failure)) {
                failedEvents.addAll(events);
                log.info("Writing the projections of events {} failed ({}); they are retried one at a time.",
                        events, failure.toString());
            }
            throw failure;
        }
    }

    /** Axon processes a dead letter in a unit of work that holds the letter as a resource. */
    private static boolean isDeadLetter() {
        return CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().resources().containsKey(DeadLetter.class.getName());
    }
}
