package dev.leadqualification.query.stream;

import java.time.Duration;
import java.util.TreeMap;

/**
 * Decides how far the tail may deliver without skipping an event that is still on its way.
 * <p>
 * {@code global_index} values are handed out when a transaction inserts its events, but become visible only
 * when it commits: position n can appear after n+1 (its transaction committed later). A reader that delivered
 * n+1 and moved on would never deliver n, and a subscriber resuming after n+1 would never see it either. So the
 * tail delivers only up to the first missing position, and waits there until the position appears.
 * <p>
 * A position can also stay missing for ever: the identity value of a transaction that rolled back (e.g. a
 * conflicting append, turned into a retry) is never reused. So a missing position holds the stream back for
 * at most the gap timeout, counted from the first moment a higher position was seen; after that it is taken as
 * never coming, and the events after it flow. An event whose transaction commits even later than that is not
 * delivered to the subscribers that were live at the time (a subscriber that starts, or resumes, before it
 * afterwards reads it from the store in order).
 * <p>
 * Used by the tail reader's thread only.
 */
final class GapTracker {

    private final long timeoutNanos;
    /** Each time the highest position seen so far grew: that position, and when it was first seen. */
    private final TreeMap<Long, Long> firstSeen = new TreeMap<>();
    private long highestSeen;

    GapTracker(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    /**
     * Records that {@code position} was seen at {@code atNanos} ({@link System#nanoTime()} scale). At start the
     * tail records the newest stored event at the time it was stored: a position missing below it is then as old
     * as that event, so an old hole (a rolled-back transaction) does not hold the stream back again after a
     * restart, while a recent one may still commit.
     */
    void seen(long position, long atNanos) {
        if (position > highestSeen) {
            highestSeen = position;
            firstSeen.put(position, atNanos);
        }
    }

    /**
     * How far events may be delivered, given that everything up to {@code delivered} was, and that
     * {@code positions} (ascending, all above {@code delivered}) are the next ones stored: the last position
     * before the first missing one that is not yet timed out.
     */
    long deliverableUpTo(long delivered, long[] positions, long nowNanos) {
        if (positions.length > 0) {
            seen(positions[positions.length - 1], nowNanos);
        }
        long upTo = delivered;
        for (long position : positions) {
            if (position != upTo + 1) {
                // upTo + 1 .. position - 1 are missing, since the first time a position above them was seen
                long missingSince = firstSeen.higherEntry(upTo + 1).getValue();
                if (nowNanos - missingSince < timeoutNanos) {
                    break;
                }
            }
            upTo = position;
        }
        firstSeen.headMap(upTo, true).clear();
        return upTo;
    }
}
