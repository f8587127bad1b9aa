package dev.leadqualification.kernel.duplicates;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent once every existing record has its match code under the rule. */
public record CompleteDuplicateRulePublication(@TargetAggregateIdentifier String ruleId) {
}
