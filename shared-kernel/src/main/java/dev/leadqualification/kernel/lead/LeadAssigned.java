package dev.leadqualification.kernel.lead;

import dev.leadqualification.kernel.ownership.OwnerAssigned;
import org.axonframework.serialization.Revision;

/** The lead has a new owner. */
@Revision("1")
public record LeadAssigned(String leadId, String ownerId) implements OwnerAssigned {
}
