package dev.leadqualification.kernel.duplicates;

import org.axonframework.serialization.Revision;

/** A rule was defined; it has no effect until published. */
@Revision("1")
public record DuplicateRuleDefined(String ruleId, DuplicateRuleDefinition definition) {
}
