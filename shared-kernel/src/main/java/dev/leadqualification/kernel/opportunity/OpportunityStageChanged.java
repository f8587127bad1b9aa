package dev.leadqualification.kernel.opportunity;

import dev.leadqualification.kernel.common.ProcessStage;
import org.axonframework.serialization.Revision;

/** The opportunity's sales process moved to {@code processStage}. */
@Revision("1")
public record OpportunityStageChanged(String opportunityId, ProcessStage processStage) {
}
