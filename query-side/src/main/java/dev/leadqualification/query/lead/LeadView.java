package dev.leadqualification.query.lead;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.lead.LeadDetails;
import dev.leadqualification.kernel.lead.LeadStatus;
import dev.leadqualification.kernel.lead.StatusReason;
import dev.leadqualification.kernel.qualification.QualificationDetails;

import java.time.Instant;

/** A lead as lists show it: every lead and qualification field at the top level, its state, owner, who changed it when. */
public record LeadView(
        String leadId,
        @JsonUnwrapped LeadDetails details,
        @JsonUnwrapped QualificationDetails qualificationDetails,
        String fullName,
        LeadStatus status,
        StatusReason statusReason,
        ProcessStage processStage,
        QualificationView qualification,
        DisqualificationView disqualification,
        String ownerId,
        Instant createdAt,
        String createdBy,
        Instant modifiedAt,
        String modifiedBy,
        long version) {
}
