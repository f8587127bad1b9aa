package dev.leadqualification.kernel.duplicates;

import dev.leadqualification.kernel.common.DomainRuleViolation;

/** A create refused because the record may already exist: 409 {@code duplicates-found} with the matches. */
public class DuplicatesFoundException extends DomainRuleViolation {

    public DuplicatesFoundException(DuplicatesFound found) {
        super("duplicates-found", "The record may already exist: link one of the matches, or create it anyway "
                + "(for a lead, qualify again with a duplicateResolution; for a direct create, send "
                + "\"suppressDuplicateDetection\": true).", found.asProblemExtensions());
    }
}
