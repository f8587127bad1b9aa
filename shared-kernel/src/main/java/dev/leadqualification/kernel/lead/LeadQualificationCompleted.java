package dev.leadqualification.kernel.lead;

/** Every record the qualification decided exists, and the notes are on the opportunity. */
public record LeadQualificationCompleted(String leadId, String qualificationId) {
}
