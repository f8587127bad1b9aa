package dev.leadqualification.platform.database;

import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * A failure of the database to do the work at that moment, which the same work may well not meet a little later:
 * the connection is lost or refused (or none came free within the pool's {@code connection-timeout}), the server
 * lacks resources, shuts down, cancelled the statement or had a system error, the transaction lost a deadlock or a
 * serialization conflict, a lock was not available. Requests answer it 503 {@code service-unavailable} with
 * {@code Retry-After}; projections roll the batch back and retry it instead of parking the event. Anything else (a
 * constraint or data error, a bug) would fail the same way again.
 * <p>
 * The SQL state decides when the failure carries one (PostgreSQL's are precise: an index row too large is filed by
 * Spring under resource failures, yet fails every time); otherwise the exception's kind. Spring, Hikari and Axon
 * wrap the driver's exception in their own, so the whole cause chain is searched.
 */
public final class TransientDatabaseFailure {

    /**
     * SQL state classes and codes of a database that cannot do the work now: connection exception, insufficient
     * resources, operator intervention (shutdown, cancel), system error, transaction rollback (deadlock,
     * serialization failure), lock not available.
     */
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "53", "57", "58", "40");
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String CONNECTION_EXCEPTION = "08";
    /** Administrator shutdown, crash shutdown, cannot connect now. */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    private TransientDatabaseFailure() {
    }

    /** Whether {@code failure} says the database could not do the work at that moment (retrying may succeed). */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
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

    /**
     * Whether {@code failure} says the database is out of reach (no connection could be had or kept, or the server is
     * shutting down): unlike a lost deadlock or a lock timeout, which touch one piece of work, this fails all work alike.
     */
    public static boolean outOfReach(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return state.startsWith(CONNECTION_EXCEPTION) || SERVER_GOING_AWAY.contains(state);
            }
        }
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
