package dev.leadqualification.kernel.duplicates;

import org.axonframework.serialization.Revision;

/** The rule no longer takes effect. */
@Revision("1")
public record DuplicateRuleUnpublished(String ruleId) {
}
