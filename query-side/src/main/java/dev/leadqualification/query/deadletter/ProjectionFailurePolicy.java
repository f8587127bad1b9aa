package dev.leadqualification.query.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

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
 * The SQL state decides when the failure carries one (PostgreSQL's are precise); otherwise the exception's kind.
 */
public class ProjectionFailurePolicy implements EnqueuePolicy<EventMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(ProjectionFailurePolicy.class);

    /**
     * SQL state classes and codes of a database that cannot do the work now: connection exception, insufficient
     * resources, operator intervention (shutdown, cancel), system error, transaction rollback (deadlock,
     * serialization failure), lock not available.
     */
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "53", "57", "58", "40");
    private static final String LOCK_NOT_AVAILABLE = "55P03";

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

    /** Whether {@code failure} says the database could not do the work at that moment (retrying may succeed). */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof FailingEventIsolation.IsolationRequired) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return state.length() >= 2 && TRANSIENT_SQL_STATE_CLASSES.contains(state.substring(0, 2))
                        || LOCK_NOT_AVAILABLE.equals(state);
            }
        }
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
        }
        return false;
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
