package dev.leadqualification.kernel.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Qualifies (converts) an open lead. Answered with a {@link QualificationResult}. */
public record QualifyLead(@TargetAggregateIdentifier String leadId, QualifyOptions options, NewRecordIds newIds) {
}
