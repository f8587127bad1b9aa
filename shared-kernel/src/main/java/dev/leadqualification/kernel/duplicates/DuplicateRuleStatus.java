package dev.leadqualification.kernel.duplicates;

/** Where a rule is in its life cycle. */
public enum DuplicateRuleStatus {
    UNPUBLISHED, PUBLISHING, PUBLISHED
}
