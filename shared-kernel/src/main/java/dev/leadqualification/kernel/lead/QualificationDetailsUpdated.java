package dev.leadqualification.kernel.lead;

/** The Qualify stage's findings were recorded; {@code details} replaces the previous ones. */
public record QualificationDetailsUpdated(String leadId, QualificationDetails details) {
}
