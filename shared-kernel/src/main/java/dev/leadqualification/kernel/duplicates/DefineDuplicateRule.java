package dev.leadqualification.kernel.duplicates;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Defines a rule, unpublished. Answers true when it was defined now, false when it already was (same definition). */
public record DefineDuplicateRule(@TargetAggregateIdentifier String ruleId, DuplicateRuleDefinition definition) {
}
