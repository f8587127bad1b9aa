package dev.leadqualification.kernel.duplicates;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes a rule out of effect (its match codes are dropped; publishing again recomputes them). */
public record UnpublishDuplicateRule(@TargetAggregateIdentifier String ruleId) {
}
