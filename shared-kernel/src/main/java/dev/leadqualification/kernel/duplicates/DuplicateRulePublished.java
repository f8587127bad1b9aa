package dev.leadqualification.kernel.duplicates;

import org.axonframework.serialization.Revision;

/** The rule takes effect: creates and qualifications are checked against it. */
@Revision("1")
public record DuplicateRulePublished(String ruleId) {
}
