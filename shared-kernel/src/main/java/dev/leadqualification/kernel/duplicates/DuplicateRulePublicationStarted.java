package dev.leadqualification.kernel.duplicates;

/** Match codes are being computed for every existing record; new records get theirs as they are created. */
public record DuplicateRulePublicationStarted(String ruleId, DuplicateRuleDefinition definition) {
}
