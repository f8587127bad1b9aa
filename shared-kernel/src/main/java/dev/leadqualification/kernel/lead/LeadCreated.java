package dev.leadqualification.kernel.lead;

import org.axonframework.serialization.Revision;

/**
 * A lead came into being, with status OPEN, reason NEW, in the Qualify stage, owned by {@code ownerId}. Revision 2
 * added the owner (revision 1 events are read with the user who created the lead: platform.upcasting).
 */
@Revision("2")
public record LeadCreated(String leadId, LeadDetails details, String ownerId) {
}
