package dev.leadqualification.kernel.lead;

import org.axonframework.serialization.Revision;

/** The qualification could not be carried out; {@code reason} says why. The lead stays qualified. */
@Revision("1")
public record LeadQualificationFailed(String leadId, String qualificationId, String reason) {
}
