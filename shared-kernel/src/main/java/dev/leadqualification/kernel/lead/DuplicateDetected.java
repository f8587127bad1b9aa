package dev.leadqualification.kernel.lead;

import dev.leadqualification.kernel.duplicates.DuplicateExperience;
import dev.leadqualification.kernel.duplicates.DuplicateMatch;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * Qualifying the lead was stopped because the account or contact it would create may already exist; the
 * salesperson was shown these matches, this way. The lead stays open.
 */
@Revision("1")
public record DuplicateDetected(String leadId, DuplicateExperience experience, List<DuplicateMatch> matchedAccounts,
                                List<DuplicateMatch> matchedContacts) {
}
