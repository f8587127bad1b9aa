package dev.leadqualification.kernel.opportunity;

import dev.leadqualification.kernel.ownership.OwnerAssigned;
import org.axonframework.serialization.Revision;

/** The opportunity has a new owner. */
@Revision("1")
public record OpportunityAssigned(String opportunityId, String ownerId) implements OwnerAssigned {
}
