package dev.leadqualification.benchmark.measure;

/**
 * The transactions per second a database ran between two readings of its statistics ({@code pg_stat_database}'s
 * {@code xact_commit + xact_rollback}), less those of the reader itself: each reading is a transaction of its own in
 * that database, counted by the readings after it. Each statement outside an explicit transaction is one.
 *
 * @param transactions     what the counters grew by, the reader's own transactions taken off
 * @param ownTransactions  the reader's transactions counted in that growth
 */
public record TransactionRate(double seconds, long transactions, long ownTransactions, double perSecond) {

    /** One reading: the counters' sum, and when it was read ({@link System#nanoTime()}). */
    public record Reading(long transactions, long atNanos) {
    }

    /**
     * The rate between {@code first} and {@code last}, with {@code readingsBetween} more readings on the same
     * database in between: the first reading's transaction and theirs are the reader's (the last one's is not yet
     * counted when it reads).
     */
    public static TransactionRate between(Reading first, Reading last, int readingsBetween) {
        double seconds = (last.atNanos() - first.atNanos()) / 1e9;
        if (seconds <= 0) {
            throw new IllegalArgumentException("The last reading must come after the first");
        }
        long own = 1L + readingsBetween;
        long transactions = last.transactions() - first.transactions() - own;
        if (transactions < 0) {
            throw new IllegalArgumentException("The counters went back from " + first.transactions() + " to "
                    + last.transactions() + " (statistics reset?)");
        }
        return new TransactionRate(seconds, transactions, own, transactions / seconds);
    }
}
