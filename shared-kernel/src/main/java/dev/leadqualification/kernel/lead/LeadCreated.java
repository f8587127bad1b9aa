package dev.leadqualification.kernel.lead;

/** A lead came into being, with status OPEN, reason NEW, in the Qualify stage. */
public record LeadCreated(String leadId, LeadDetails details) {
}
