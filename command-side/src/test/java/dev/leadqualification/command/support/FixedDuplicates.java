package dev.leadqualification.command.support;

import dev.leadqualification.command.duplicates.DuplicateDetector;
import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.contact.ContactDetails;
import dev.leadqualification.kernel.duplicates.DuplicateMatch;

import java.util.ArrayList;
import java.util.List;

/** A duplicate detector whose matches a test sets; none until it does. Remembers what it was asked about. */
public final class FixedDuplicates implements DuplicateDetector {

    private List<DuplicateMatch> accountMatches = List.of();
    private List<DuplicateMatch> contactMatches = List.of();
    private final List<Object> checked = new ArrayList<>();

    public FixedDuplicates accounts(DuplicateMatch... matches) {
        accountMatches = List.of(matches);
        return this;
    }

    public FixedDuplicates contacts(DuplicateMatch... matches) {
        contactMatches = List.of(matches);
        return this;
    }

    /** The account and contact details the detector was asked about, in order. */
    public List<Object> checked() {
        return checked;
    }

    @Override
    public List<DuplicateMatch> accountMatches(AccountDetails account) {
        checked.add(account);
        return accountMatches;
    }

    @Override
    public List<DuplicateMatch> contactMatches(ContactDetails contact) {
        checked.add(contact);
        return contactMatches;
    }
}
