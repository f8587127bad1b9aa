package dev.leadqualification.query.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code leads.publisher}: whether this query side publishes the events to the broker, and how long a batch waits
 * for the broker's confirms before it is given up and sent again (keep it well below Axon's claim timeout, 10 s, so
 * that a slow broker never costs the segment's claim).
 */
@ConfigurationProperties("leads.publisher")
public record PublisherProperties(@DefaultValue("false") boolean enabled,
                                  @DefaultValue("5s") Duration confirmTimeout) {
}
