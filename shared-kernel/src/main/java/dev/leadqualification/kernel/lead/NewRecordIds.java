package dev.leadqualification.kernel.lead;

/**
 * Fresh ids for the records a qualification may create, chosen before the command is sent so that a
 * retried command decides the same ids and tests can predict them.
 */
public record NewRecordIds(String accountId, String contactId, String opportunityId, String qualificationId) {
}
