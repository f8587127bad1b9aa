package dev.leadqualification.query.publishing;

import dev.leadqualification.query.admin.ProjectionPositions;
import dev.leadqualification.query.admin.ProjectionStatus;

/** How far the publisher has come, from its stored tokens (those move only once the broker has confirmed). */
public class PublisherProgress {

    private final PublisherProperties properties;
    private final ProjectionPositions positions;
    private final PublishingErrors errors;

    PublisherProgress(PublisherProperties properties, ProjectionPositions positions, PublishingErrors errors) {
        this.properties = properties;
        this.positions = positions;
        this.errors = errors;
    }

    /** The tokens are read before the head, so that the lag is never negative while events are appended. */
    public PublisherStatus status() {
        var segments = positions.storedProgress(EventPublisher.PROCESSOR);
        ProjectionStatus status = ProjectionStatus.of(EventPublisher.PROCESSOR, segments, positions.headPosition());
        return new PublisherStatus(properties.enabled(), status.position(), status.headPosition(), status.lag(),
                errors.last().orElse(null));
    }
}
