package dev.leadqualification.kernel.lead;

import org.axonframework.serialization.Revision;

/** The lead was closed as disqualified. */
@Revision("1")
public record LeadDisqualified(String leadId, DisqualificationReason reason, String description) {
}
