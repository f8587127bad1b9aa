package dev.leadqualification.query.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of {@code GET /api/events} ({@code leads.stream.*}).
 *
 * @param heartbeat        how often each open stream gets an SSE comment ({@code : heartbeat}), so proxies keep
 *                         an idle connection open and a vanished client is noticed
 * @param pollInterval     how often the one shared tail reader looks for new events
 * @param gapTimeout       how long a missing position may hold back the events after it (see {@link GapTracker})
 * @param pageSize         events per read of the store, for the tail and for each subscriber's catch-up
 * @param subscriberBuffer events held in memory for one subscriber; a subscriber that falls further behind reads
 *                         from the store again instead
 */
@ConfigurationProperties(prefix = "leads.stream")
public record EventStreamProperties(
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("10s") Duration gapTimeout,
        @DefaultValue("500") int pageSize,
        @DefaultValue("10000") int subscriberBuffer) {

    public EventStreamProperties {
        requirePositive("heartbeat", heartbeat);
        requirePositive("poll-interval", pollInterval);
        requirePositive("gap-timeout", gapTimeout);
        if (pageSize < 1 || subscriberBuffer < 1) {
            throw new IllegalArgumentException("leads.stream.page-size and .subscriber-buffer must be at least 1");
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("leads.stream." + name + " must be a positive duration");
        }
    }
}
