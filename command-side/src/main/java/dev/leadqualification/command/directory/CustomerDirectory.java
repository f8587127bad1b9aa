package dev.leadqualification.command.directory;

/**
 * Which accounts and contacts exist, for the rules that refer to them (a lead from a known customer, a
 * contact under an account). Kept in the same transaction as the events that create them.
 */
public interface CustomerDirectory {

    boolean accountExists(String accountId);

    boolean contactExists(String contactId);
}
