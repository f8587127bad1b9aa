package dev.leadqualification.command.support;

import dev.leadqualification.command.directory.CustomerDirectory;

import java.util.HashSet;
import java.util.Set;

/** The accounts and contacts a test says exist. */
public final class InMemoryCustomerDirectory implements CustomerDirectory {

    private final Set<String> accounts = new HashSet<>();
    private final Set<String> contacts = new HashSet<>();

    public InMemoryCustomerDirectory withAccount(String accountId) {
        accounts.add(accountId);
        return this;
    }

    public InMemoryCustomerDirectory withContact(String contactId) {
        contacts.add(contactId);
        return this;
    }

    @Override
    public boolean accountExists(String accountId) {
        return accounts.contains(accountId);
    }

    @Override
    public boolean contactExists(String contactId) {
        return contacts.contains(contactId);
    }
}
