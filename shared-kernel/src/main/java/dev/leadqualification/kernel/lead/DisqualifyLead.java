package dev.leadqualification.kernel.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes an open lead as disqualified. */
public record DisqualifyLead(@TargetAggregateIdentifier String leadId, DisqualificationReason reason,
                             String description) {
}
