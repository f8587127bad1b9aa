package dev.leadqualification.kernel.account;

import org.axonframework.serialization.Revision;

/** An account came into being. */
@Revision("1")
public record AccountCreated(String accountId, AccountDetails details, String originatingLeadId) {
}
