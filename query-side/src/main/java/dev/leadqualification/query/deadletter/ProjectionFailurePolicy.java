package dev.leadqualification.query.deadletter;

import dev.leadqualification.platform.database.TransientDatabaseFailure;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to an event whose projection handler failed (also when a parked event fails again on a retry).
 * <ul>
 *   <li>The database could not do the work at that moment — connection lost or refused, out of resources, shutting
 *       down, a deadlock, a serialization conflict, a lock or statement timeout: the failure propagates. The
 *       processor rolls the batch back and tries it again later (with growing pauses), so an outage parks nothing
 *       and the events are projected once the database is back. The same holds for {@link FailingEventIsolation}'s
 *       request to retry a batch.</li>
 *   <li>Anything else (a constraint or data error, an event the handler cannot read, a bug): retrying the same
 *       event would fail the same way, so it is parked, with the failure's type and its message cut to 1,023
 *       characters, and its aggregate's later events are parked behind it until an administrator retries them.</li>
 * </ul>
 * Which failures are the database's of the moment: {@link TransientDatabaseFailure} (the requests' 503 uses it too).
 */
public class ProjectionFailurePolicy implements EnqueuePolicy<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ProjectionFailurePolicy.class);

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (isTransient(cause)) {
            throw propagated(cause);
        }
        ThrowableCause parked = ThrowableCause.truncated(cause);
        log.warn("Event {} ({}) cannot be projected and is parked with its sequence: {}: {}",
                letter.message().getIdentifier(), letter.message().getPayloadType().getSimpleName(), parked.type(),
                parked.message());
        return Decisions.enqueue(parked);
    }

    /**
     * Whether {@code failure} says the database could not do the work at that moment (retrying may succeed), or
     * asks for the failing event to be isolated.
     */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof FailingEventIsolation.IsolationRequired) {
                return true;
            }
        }
        return TransientDatabaseFailure.causedBy(failure);
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }

    private static RuntimeException propagated(Throwable failure) {
        if (failure instanceof RuntimeException unchecked) {
            return unchecked;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException("The database could not project the event now; the batch is retried",
                failure);
    }
}
