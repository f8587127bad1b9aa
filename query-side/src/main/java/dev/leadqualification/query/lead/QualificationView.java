package dev.leadqualification.query.lead;

import dev.leadqualification.kernel.lead.LeadQualified;
import dev.leadqualification.kernel.lead.SkippedRecord;

import java.time.Instant;
import java.util.List;

/**
 * The lead's last qualification: what was decided, and whether carrying it out (creating the records,
 * transferring the notes) has completed or failed.
 */
public record QualificationView(
        String qualificationId,
        Instant qualifiedAt,
        String qualifiedBy,
        String accountId,
        String contactId,
        String opportunityId,
        String linkedAccountId,
        String linkedContactId,
        List<SkippedRecord> skipped,
        boolean completed,
        Instant completedAt,
        boolean failed,
        String failureReason) {

    /** A qualification just decided: neither completed nor failed yet. */
    static QualificationView decided(LeadQualified event, Instant at, String actor) {
        return new QualificationView(event.qualificationId(), at, actor, event.accountId(), event.contactId(),
                event.opportunityId(), event.linkedAccountId(), event.linkedContactId(),
                event.skipped() == null ? List.of() : event.skipped(), false, null, false, null);
    }
}
