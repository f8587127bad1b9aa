package dev.leadqualification.kernel.contact;

import dev.leadqualification.kernel.ownership.OwnerAssigned;
import org.axonframework.serialization.Revision;

/** The contact has a new owner. */
@Revision("1")
public record ContactAssigned(String contactId, String ownerId) implements OwnerAssigned {
}
