package dev.leadqualification.kernel.duplicates;

import org.axonframework.serialization.Revision;

/** Match codes are being computed for every existing record; new records get theirs as they are created. */
@Revision("1")
public record DuplicateRulePublicationStarted(String ruleId, DuplicateRuleDefinition definition) {
}
