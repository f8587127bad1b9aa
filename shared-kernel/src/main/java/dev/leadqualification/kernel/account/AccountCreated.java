package dev.leadqualification.kernel.account;

import org.axonframework.serialization.Revision;

/**
 * An account came into being, owned by {@code ownerId}. Revision 2 added the owner (revision 1 events are read with
 * the user who created the account: platform.upcasting).
 */
@Revision("2")
public record AccountCreated(String accountId, AccountDetails details, String originatingLeadId, String ownerId) {
}
