package dev.leadqualification.query.deadletter;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code deadLetters} component of {@code /actuator/health}: the number of parked events per processing group
 * (details, shown to administrators only). It stays UP whatever the count: the service answers, only the parked
 * aggregates' read models lag, and neither a restart nor taking the instance out of service would repair them —
 * an administrator does, following the counts. Counts it cannot read (the database is out of reach) make it DOWN
 * (an exception here would fail the whole health answer).
 */
@Component
public class DeadLettersHealthIndicator extends AbstractHealthIndicator {

    private final DeadLetterQueues queues;
    private final DeadLetters deadLetters;

    public DeadLettersHealthIndicator(DeadLetterQueues queues, DeadLetters deadLetters) {
        this.queues = queues;
        this.deadLetters = deadLetters;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        health.up().withDetails(deadLetters.countsByGroup(queues.groups()));
    }
}
