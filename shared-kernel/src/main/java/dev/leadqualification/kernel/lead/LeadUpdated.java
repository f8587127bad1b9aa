package dev.leadqualification.kernel.lead;

import java.util.Set;

/** Some of the lead's fields changed; {@code details} is the complete new state. */
public record LeadUpdated(String leadId, LeadDetails details, Set<String> changedFields) {
}
