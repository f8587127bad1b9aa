package dev.leadqualification.kernel.duplicates;

import org.axonframework.serialization.Revision;

/** The rule is gone. */
@Revision("1")
public record DuplicateRuleDeleted(String ruleId) {
}
