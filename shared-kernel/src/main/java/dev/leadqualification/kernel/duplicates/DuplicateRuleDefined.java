package dev.leadqualification.kernel.duplicates;

/** A rule was defined; it has no effect until published. */
public record DuplicateRuleDefined(String ruleId, DuplicateRuleDefinition definition) {
}
