package dev.leadqualification.kernel.contact;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a contact, directly or from a lead. Same idempotency rule as accounts. */
public record CreateContact(@TargetAggregateIdentifier String contactId, ContactDetails details,
                            String originatingLeadId) {
}
