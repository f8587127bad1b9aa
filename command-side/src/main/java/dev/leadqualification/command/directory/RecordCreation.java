package dev.leadqualification.command.directory;

import dev.leadqualification.kernel.common.DomainRuleViolation;

import java.util.Objects;

/**
 * How a customer record was created: its details and the lead it came from. Creating the same record again
 * is a no-op (client retries, saga redelivery); the same id with anything else is a conflict.
 */
public record RecordCreation<D>(D details, String originatingLeadId) {

    public void requireSameAs(RecordCreation<D> requested, String recordName, String id) {
        if (!Objects.equals(this, requested)) {
            throw new DomainRuleViolation("id-conflict",
                    "A" + (recordName.matches("[aeiou].*") ? "n " : " ") + recordName + " with id " + id
                            + " already exists with other details.");
        }
    }
}
