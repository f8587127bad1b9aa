package dev.leadqualification.kernel.lead;

import org.axonframework.serialization.Revision;

import java.util.Set;

/** Some of the lead's fields changed; {@code details} is the complete new state. */
@Revision("1")
public record LeadUpdated(String leadId, LeadDetails details, Set<String> changedFields) {
}
