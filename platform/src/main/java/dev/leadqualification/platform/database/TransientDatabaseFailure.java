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
import java.util.Optional;
import java.util.Set;

/**
 * A failure of the database to do the work at that moment, which the same work may well not meet a little later,
 * and which of three kinds it is. This is the one place that decides it: the requests' answers (503, or 409 for a
 * conflict the command side's retries did not resolve), the command side's retries, a bulk qualification's
 * stopping and the projections' retries all ask here. Anything else (a constraint or data error, a bug) would fail
 * the same way again.
 * <p>
 * The SQL state decides when the failure carries one (PostgreSQL's are precise: an index row too large is filed by
 * Spring under resource failures, yet fails every time); otherwise the exception's kind. Spring, Hikari and Axon
 * wrap the driver's exception in their own, so the whole cause chain is searched.
 */
public enum TransientDatabaseFailure {

    /**
     * The database is out of reach: no connection could be had (refused, or none came free within the pool's
     * {@code connection-timeout}) or kept, or the server is shutting down. All work fails alike until it is back.
     */
    OUT_OF_REACH,
    /**
     * The transaction lost to another one: a deadlock (40P01), a serialization failure (40001) or a lock not
     * available (55P03, a lock timeout or {@code NOWAIT}). Only the work that collided failed; done again, it
     * decides on what the winner stored.
     */
    CONFLICT,
    /**
     * The server could not do this work now: it lacks resources, cancelled the statement (a statement timeout), had
     * a system error, or another transaction-rollback state.
     */
    BUSY;

    /** SQL state classes of a database that cannot do the work now (see the constants for each kind). */
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "53", "57", "58", "40");
    private static final Set<String> CONFLICT_SQL_STATES = Set.of("40P01", "40001", "55P03");
    private static final String CONNECTION_EXCEPTION = "08";
    /** Administrator shutdown, crash shutdown, cannot connect now. */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    /** What kind of passing failure of the database {@code failure} is, or empty if it is none (retrying is vain). */
    public static Optional<TransientDatabaseFailure> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return ofSqlState(sql.getSQLState());
            }
        }
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException) {
                return Optional.of(OUT_OF_REACH);
            }
        }
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof SQLTransientException) {
                return Optional.of(BUSY);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code failure} says the database could not do the work at that moment (retrying may succeed). */
    public static boolean causedBy(Throwable failure) {
        return of(failure).isPresent();
    }

    /** Whether {@code failure} is of this kind. */
    public boolean is(Throwable failure) {
        return of(failure).filter(this::equals).isPresent();
    }

    private static Optional<TransientDatabaseFailure> ofSqlState(String state) {
        if (CONFLICT_SQL_STATES.contains(state)) {
            return Optional.of(CONFLICT);
        }
        if (state.startsWith(CONNECTION_EXCEPTION) || SERVER_GOING_AWAY.contains(state)) {
            return Optional.of(OUT_OF_REACH);
        }
        return state.length() >= 2 && TRANSIENT_SQL_STATE_CLASSES.contains(state.substring(0, 2))
                ? Optional.of(BUSY) : Optional.empty();
    }

    private static Throwable next(Throwable cause) {
        return cause.getCause() == cause ? null : cause.getCause();
    }
}
