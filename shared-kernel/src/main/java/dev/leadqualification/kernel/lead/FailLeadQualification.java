package dev.leadqualification.kernel.lead;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the qualification saga when a record cannot be created. Repeating it is a no-op. */
public record FailLeadQualification(@TargetAggregateIdentifier String leadId, String qualificationId, String reason) {
}
