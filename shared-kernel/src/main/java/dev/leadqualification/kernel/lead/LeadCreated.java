package dev.leadqualification.kernel.lead;

import org.axonframework.serialization.Revision;

/** A lead came into being, with status OPEN, reason NEW, in the Qualify stage. */
@Revision("1")
public record LeadCreated(String leadId, LeadDetails details) {
}
