package dev.leadqualification.command.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends the command of an HTTP request and waits for its result. Within one process Axon's aggregate lock lets
 * one command at a time change a record; a second command-side instance on the same database is only stopped
 * by the event store's unique key (record, sequence number): its write lost the race
 * ({@link ConcurrencyException}, or {@link AggregateStreamCreationException} for two creates under one id) and
 * was rolled back whole. Such a command is sent again after a short random pause, so the record is loaded anew
 * and the command decides on what is stored now (a second qualify then finds the lead closed). A conflict
 * that remains after {@value #ATTEMPTS} attempts is left to the problem handler: 409
 * {@code concurrent-modification}.
 * <p>
 * The retry runs on the request's thread (unlike a gateway {@code RetryScheduler}, which retries on a scheduler
 * thread), so the user, the correlation id and the version the answer reports stay those of the request.
 */
@Component
public class CommandSender {

    static final int ATTEMPTS = 10;
    private static final long MOST_PAUSE_MILLIS = 50;

    private final CommandGateway gateway;

    public CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R sendAndWait(Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return gateway.sendAndWait(command);
            } catch (ConcurrencyException | AggregateStreamCreationException lostRace) {
                if (attempt == ATTEMPTS) {
                    throw lostRace;
                }
                pause(attempt);
            }
        }
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
