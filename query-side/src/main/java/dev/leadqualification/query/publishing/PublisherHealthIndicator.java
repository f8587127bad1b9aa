package dev.leadqualification.query.publishing;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The {@code publisher} component of {@code /actuator/health} while the publisher is on: its position, lag and last
 * failure (details, for administrators). Always UP: a broker that is away delays the subscribers only; this instance
 * still serves every request, and taking it out of service would not bring the broker back.
 */
class PublisherHealthIndicator extends AbstractHealthIndicator {

    private final PublisherProgress progress;

    PublisherHealthIndicator(PublisherProgress progress) {
        this.progress = progress;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        PublisherStatus status = progress.status();
        health.up()
                .withDetail("position", status.position())
                .withDetail("headPosition", status.headPosition())
                .withDetail("lag", status.lag());
        if (status.lastError() != null) {
            health.withDetail("lastError", status.lastError());
        }
    }
}
