package dev.leadqualification.kernel.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates an account, directly or from a lead ({@code originatingLeadId} set). Sending the same create again
 * is a no-op; the same id with other details is refused. With {@code checkDuplicates} a new account that
 * matches a published duplicate rule is refused (a qualification checked already, so its saga does not). The
 * account is owned by {@code ownerId} (a user name).
 */
public record CreateAccount(@TargetAggregateIdentifier String accountId, AccountDetails details,
                            String originatingLeadId, boolean checkDuplicates, String ownerId) {
}
