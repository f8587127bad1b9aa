package dev.leadqualification.command.directory;

import dev.leadqualification.kernel.common.InvalidField;

/**
 * Which accounts and contacts exist, for the rules that refer to them (a lead from a known customer, a
 * contact under an account). Kept in the same transaction as the events that create them.
 */
public interface CustomerDirectory {

    boolean accountExists(String accountId);

    boolean contactExists(String contactId);

    /** A contact's {@code parentAccountId} must name an existing account: 400 naming the field otherwise. */
    static InvalidField unknownParentAccount() {
        return new InvalidField("parentAccountId", "names no existing account");
    }
}
