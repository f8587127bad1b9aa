package dev.leadqualification.query.publishing;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code GET /api/admin/publisher}: whether this instance publishes, the position up to which the broker has confirmed
 * every event (the publisher's slowest segment, as stored: whichever instance holds it), the store's head, the events
 * not yet published, and this instance's last failure while it has not published since.
 */
public record PublisherStatus(boolean enabled, long position, long headPosition, long lag,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String lastError) {
}
