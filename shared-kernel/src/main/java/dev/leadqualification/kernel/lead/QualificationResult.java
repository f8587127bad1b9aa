package dev.leadqualification.kernel.lead;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.qualification.QualifyOutcome;

import java.util.List;

/** The answer to a successful qualify: the decided ids (the records themselves follow shortly). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QualificationResult(String leadId, LeadStatus status, String accountId, String contactId,
                                  String opportunityId, String linkedAccountId, String linkedContactId,
                                  List<SkippedRecord> skipped, ProcessStage processStage) implements QualifyOutcome {
}
