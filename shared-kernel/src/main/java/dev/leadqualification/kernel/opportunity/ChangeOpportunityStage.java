package dev.leadqualification.kernel.opportunity;

import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.ownership.OwnerOnly;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves an open opportunity to a stage of the sales process after Qualify (forward or back). */
public record ChangeOpportunityStage(@TargetAggregateIdentifier String opportunityId, ProcessStage processStage)
        implements OwnerOnly {
}
