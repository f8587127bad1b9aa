package dev.leadqualification.kernel.lead;

import dev.leadqualification.kernel.ownership.OwnerOnly;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Qualifies (converts) an open lead. Answered with a {@link QualificationResult}. */
public record QualifyLead(@TargetAggregateIdentifier String leadId, QualifyOptions options, NewRecordIds newIds)
        implements OwnerOnly {
}
