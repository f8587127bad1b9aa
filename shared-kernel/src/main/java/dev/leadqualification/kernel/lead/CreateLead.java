package dev.leadqualification.kernel.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a lead with a client-chosen or server-generated id, owned by {@code ownerId} (a user name). */
public record CreateLead(@TargetAggregateIdentifier String leadId, LeadDetails details, String ownerId) {
}
