package dev.leadqualification.kernel.duplicates;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Starts publishing a rule: match codes are computed for every existing record, then the rule takes effect. */
public record PublishDuplicateRule(@TargetAggregateIdentifier String ruleId) {
}
