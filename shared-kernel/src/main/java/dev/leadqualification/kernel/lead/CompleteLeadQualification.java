package dev.leadqualification.kernel.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the qualification saga once every record exists. Repeating it is a no-op. */
public record CompleteLeadQualification(@TargetAggregateIdentifier String leadId, String qualificationId) {
}
