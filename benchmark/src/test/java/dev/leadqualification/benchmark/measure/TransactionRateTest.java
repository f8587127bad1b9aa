package dev.leadqualification.benchmark.measure;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionRateTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theGrowthPerSecondLessTheFirstReadingsOwnTransaction() {
        TransactionRate rate = TransactionRate.between(new TransactionRate.Reading(10_000, 5 * SECOND),
                new TransactionRate.Reading(10_301, 65 * SECOND), 0);

        assertThat(rate.seconds()).isEqualTo(60.0);
        assertThat(rate.ownTransactions()).isEqualTo(1);
        assertThat(rate.transactions()).isEqualTo(300);
        assertThat(rate.perSecond()).isEqualTo(5.0);
    }

    @Test
    void readingsInBetweenAreTheReadersToo() {
        TransactionRate rate = TransactionRate.between(new TransactionRate.Reading(0, 0),
                new TransactionRate.Reading(24, 2 * SECOND), 3);

        assertThat(rate.ownTransactions()).isEqualTo(4);
        assertThat(rate.transactions()).isEqualTo(20);
        assertThat(rate.perSecond()).isEqualTo(10.0);
    }

    @Test
    void aQuietDatabaseRunsNone() {
        TransactionRate rate = TransactionRate.between(new TransactionRate.Reading(7, 0),
                new TransactionRate.Reading(8, 30 * SECOND), 0);

        assertThat(rate.transactions()).isZero();
        assertThat(rate.perSecond()).isZero();
    }

    @Test
    void refusesReadingsThatCannotBeCompared() {
        assertThatThrownBy(() -> TransactionRate.between(new TransactionRate.Reading(100, SECOND),
                new TransactionRate.Reading(50, 2 * SECOND), 0)).hasMessageContaining("statistics reset");
        assertThatThrownBy(() -> TransactionRate.between(new TransactionRate.Reading(1, SECOND),
                new TransactionRate.Reading(2, SECOND), 0)).hasMessageContaining("after the first");
    }
}
