package dev.leadqualification.kernel.account;

import dev.leadqualification.kernel.ownership.OwnerAssigned;
import org.axonframework.serialization.Revision;

/** The account has a new owner. */
@Revision("1")
public record AccountAssigned(String accountId, String ownerId) implements OwnerAssigned {
}
