package dev.leadqualification.kernel.account;

/** An account came into being. */
public record AccountCreated(String accountId, AccountDetails details, String originatingLeadId) {
}
