package dev.leadqualification.kernel.opportunity;

import org.axonframework.serialization.Revision;

import java.util.Set;

/** Some of the opportunity's fields changed; {@code details} is the complete new state. */
@Revision("1")
public record OpportunityUpdated(String opportunityId, OpportunityDetails details, Set<String> changedFields) {
}
