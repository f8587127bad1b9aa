package dev.leadqualification.command.conflicts;

import dev.leadqualification.platform.database.TransientDatabaseFailure;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends a command again when its write lost a race, for every command sent through the command gateway. Within one
 * process Axon's aggregate lock lets one command at a time change a record; a second command-side instance on the
 * same database, or a lead this instance kept in memory while another changed it, is only stopped by the event
 * store's unique key (record, sequence number): the write lost ({@link ConcurrencyException}, or
 * {@link AggregateStreamCreationException} for two creates under one id) and was rolled back whole, which also drops
 * the record from the cache. Sent again after a short random pause, the command loads the record anew and decides on
 * what is stored now (a second qualify then finds the lead closed). A transaction that lost to another in the
 * database ({@link TransientDatabaseFailure#CONFLICT}: a deadlock, a serialization failure, a lock timeout) was
 * rolled back whole too, and is sent again the same way. A conflict that remains after {@code leads.conflict-attempts}
 * attempts ({@value #ATTEMPTS} by default) is the sender's: over HTTP, 409 {@code concurrent-modification}.
 * <p>
 * The retry runs at once on the sending thread (Axon's own schedulers retry on a scheduler thread), so the user,
 * the correlation id and the version an HTTP answer reports stay those of the request. A command sent inside
 * another unit of work (the saga's) is not retried here: its write happens when that unit of work commits, and the
 * processor retries the whole batch.
 */
public class LostWriteRetry implements RetryScheduler {

    /** How many times a command is sent at most, by default. */
    public static final int ATTEMPTS = 10;
    private static final long MOST_PAUSE_MILLIS = 50;

    private final int attempts;

    public LostWriteRetry() {
        this(ATTEMPTS);
    }

    /** Sends a command at most {@code attempts} times in all (1: never again). */
    public LostWriteRetry(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("A command is sent at least once, not " + attempts + " times");
        }
        this.attempts = attempts;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        boolean lostRace = lastFailure instanceof ConcurrencyException
                || lastFailure instanceof AggregateStreamCreationException
                || TransientDatabaseFailure.CONFLICT.is(lastFailure);
        if (!lostRace || failures.size() >= attempts || CurrentUnitOfWork.isStarted()) {
            return false;
        }
        pause(failures.size());
        commandDispatch.run();
        return true;
    }

    /** A random pause of up to 5 ms per attempt so far, so two instances that collided do not collide again in step. */
    private static void pause(int attempt) {
        long longest = Math.min(MOST_PAUSE_MILLIS, 5L * attempt);
        try {
            TimeUnit.MILLISECONDS.sleep(ThreadLocalRandom.current().nextLong(1, longest + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to send a command again", e);
        }
    }
}
