package dev.leadqualification.kernel.lead;

import dev.leadqualification.kernel.ownership.OwnerOnly;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes an open lead as disqualified. */
public record DisqualifyLead(@TargetAggregateIdentifier String leadId, DisqualificationReason reason,
                             String description) implements OwnerOnly {
}
