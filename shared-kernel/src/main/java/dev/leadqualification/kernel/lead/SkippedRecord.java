package dev.leadqualification.kernel.lead;

import dev.leadqualification.kernel.common.RecordType;

/** A record the qualification did not create, and why (e.g. {@code NO_COMPANY_NAME}). */
public record SkippedRecord(RecordType record, Reason reason) {

    public enum Reason {
        /** The lead has no company name, so there is nothing to name an account after. */
        NO_COMPANY_NAME,
        /** The lead came from a known customer: the existing record is linked instead. */
        EXISTING_RECORD_LINKED,
        /** A duplicate was found and the salesperson chose to link it. */
        DUPLICATE_LINKED
    }
}
