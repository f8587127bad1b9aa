package dev.leadqualification.kernel.lead;

/** The qualification could not be carried out; {@code reason} says why. The lead stays qualified. */
public record LeadQualificationFailed(String leadId, String qualificationId, String reason) {
}
