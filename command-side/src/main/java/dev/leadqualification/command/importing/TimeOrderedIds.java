package dev.leadqualification.command.importing;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Event identifiers that grow with time (the layout of UUID version 7: 48 bits of Unix milliseconds first, then a
 * counter and random bits), so that the unique index on {@code event_identifier} grows at its end while an import
 * appends millions of events, instead of touching a random page of a large index for each. They are unique like
 * Axon's random ones: same millisecond and counter would need the same 62 random bits.
 */
final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private long lastMillis;
    private int counter;

    synchronized String next() {
        long millis = System.currentTimeMillis();
        if (millis > lastMillis) {
            lastMillis = millis;
            counter = 0;
        } else if (++counter > 0xFFF) {
            // more than 4,096 in one millisecond: borrow the next millisecond, keeping the order
            lastMillis++;
            counter = 0;
        }
        long high = (lastMillis << 16) | 0x7000L | counter;
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
