package dev.leadqualification.kernel.lead;

import dev.leadqualification.kernel.ownership.OwnerOnly;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Reopens a qualified or disqualified lead. Records created earlier stay. */
public record ReactivateLead(@TargetAggregateIdentifier String leadId) implements OwnerOnly {
}
