package dev.leadqualification.kernel.opportunity;

import org.axonframework.serialization.Revision;

/** The opportunity is open again; its outcome, actual revenue, close date and reason no longer hold. */
@Revision("1")
public record OpportunityReopened(String opportunityId) {
}
