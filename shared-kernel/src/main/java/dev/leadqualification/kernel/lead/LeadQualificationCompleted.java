package dev.leadqualification.kernel.lead;

import org.axonframework.serialization.Revision;

/** Every record the qualification decided exists, and the notes are on the opportunity. */
@Revision("1")
public record LeadQualificationCompleted(String leadId, String qualificationId) {
}
