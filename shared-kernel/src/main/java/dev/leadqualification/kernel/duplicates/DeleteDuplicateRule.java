package dev.leadqualification.kernel.duplicates;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Deletes a rule. */
public record DeleteDuplicateRule(@TargetAggregateIdentifier String ruleId) {
}
