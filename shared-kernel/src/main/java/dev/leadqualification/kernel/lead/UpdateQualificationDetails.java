package dev.leadqualification.kernel.lead;

import dev.leadqualification.kernel.qualification.QualificationDetails;
import dev.leadqualification.kernel.ownership.OwnerOnly;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the findings of the Qualify stage, replacing the previous ones. */
public record UpdateQualificationDetails(@TargetAggregateIdentifier String leadId, QualificationDetails details)
        implements OwnerOnly {
}
