package dev.leadqualification.kernel.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a contact, directly or from a lead, owned by {@code ownerId}. Idempotency, duplicates: as accounts. */
public record CreateContact(@TargetAggregateIdentifier String contactId, ContactDetails details,
                            String originatingLeadId, boolean checkDuplicates, String ownerId) {
}
