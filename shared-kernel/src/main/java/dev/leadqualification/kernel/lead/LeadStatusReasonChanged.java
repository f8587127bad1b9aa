package dev.leadqualification.kernel.lead;

import org.axonframework.serialization.Revision;

/** The lead's status reason moved on while it stayed open (NEW to CONTACTED once work on it began). */
@Revision("1")
public record LeadStatusReasonChanged(String leadId, StatusReason statusReason) {
}
