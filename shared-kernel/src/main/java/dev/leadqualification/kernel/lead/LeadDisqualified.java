package dev.leadqualification.kernel.lead;

/** The lead was closed as disqualified. */
public record LeadDisqualified(String leadId, DisqualificationReason reason, String description) {
}
