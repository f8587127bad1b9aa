package dev.leadqualification.platform.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the event store is read ({@code leads.event-store.*}).
 *
 * @param fetchDelay    how long a caught-up reader waits before it looks again for events another process wrote,
 *                      should their notification be lost (events written in this process, and the notifications of
 *                      other processes' commits, wake it at once); each look is one indexed query.
 * @param readBatchSize events per query when an aggregate is loaded or a processor catches up. A batch is held in
 *                      memory whole, and an event may carry a 5 MB attachment: Axon's 100 keeps the worst case
 *                      within the heap.
 */
@ConfigurationProperties("leads.event-store")
public record EventStoreProperties(@DefaultValue("2s") Duration fetchDelay,
                                   @DefaultValue("100") int readBatchSize) {

    public EventStoreProperties {
        if (fetchDelay.isNegative() || fetchDelay.isZero()) {
            throw new IllegalArgumentException("leads.event-store.fetch-delay must be positive");
        }
        if (readBatchSize < 1) {
            throw new IllegalArgumentException("leads.event-store.read-batch-size must be 1 or more");
        }
    }
}
