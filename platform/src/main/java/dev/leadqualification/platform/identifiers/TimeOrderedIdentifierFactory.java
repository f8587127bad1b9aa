package dev.leadqualification.platform.identifiers;

import org.axonframework.common.IdentifierFactory;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * The identifiers of every message Axon creates and of every record the services create: UUIDs that grow with time
 * (the layout of UUID version 7: 48 bits of Unix milliseconds first, then a counter and random bits). Each new
 * event, record or note then lands at the end of the unique indexes that hold its id (the event store's
 * {@code event_identifier} and aggregate keys, the lookup and read tables' primary keys) instead of on a random page
 * of a large index: a random page is more often missing from the database's buffers, and after each checkpoint its
 * first change writes the whole page to the write-ahead log. They are unique like random UUIDs: the same millisecond
 * and counter would need the same 62 random bits.
 * <p>
 * Axon finds it with {@link java.util.ServiceLoader} ({@code META-INF/services}) and gives it as
 * {@link IdentifierFactory#getInstance()}, which is also what the services call to name a new record.
 */
public final class TimeOrderedIdentifierFactory extends IdentifierFactory {

    private static final SecureRandom RANDOM = new SecureRandom();

    private long lastMillis;
    private int counter;

    /**
     * A new identifier, after every one issued before it (in text order too). Every message Axon creates takes one,
     * so only the time and counter are drawn under the lock; the random bits come before it.
     */
    @Override
    public String generateIdentifier() {
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(nextTimeAndCounter(), low).toString();
    }

    /** The high 64 bits: milliseconds, the version (7) and a counter within the millisecond. */
    private synchronized long nextTimeAndCounter() {
        long millis = System.currentTimeMillis();
        if (millis > lastMillis) {
            lastMillis = millis;
            counter = 0;
        } else if (++counter > 0xFFF) {
            // more than 4,096 in one millisecond: borrow the next millisecond, keeping the order
            lastMillis++;
            counter = 0;
        }
        return (lastMillis << 16) | 0x7000L | counter;
    }
}
