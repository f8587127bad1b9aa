package dev.leadqualification.kernel.lead;

/** The lead's status reason moved on while it stayed open (NEW to CONTACTED once work on it began). */
public record LeadStatusReasonChanged(String leadId, StatusReason statusReason) {
}
