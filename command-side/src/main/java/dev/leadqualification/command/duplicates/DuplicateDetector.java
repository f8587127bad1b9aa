package dev.leadqualification.command.duplicates;

import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.contact.ContactDetails;
import dev.leadqualification.kernel.duplicates.DuplicateMatch;

import java.util.List;

/** Finds the existing accounts and contacts that the published rules say a new record duplicates. */
public interface DuplicateDetector {

    List<DuplicateMatch> accountMatches(AccountDetails account);

    List<DuplicateMatch> contactMatches(ContactDetails contact);
}
