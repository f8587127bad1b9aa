package dev.leadqualification.kernel.contact;

import org.axonframework.serialization.Revision;

/**
 * A contact came into being, owned by {@code ownerId}. Revision 2 added the owner (revision 1 events are read with
 * the user who created the contact: platform.upcasting).
 */
@Revision("2")
public record ContactCreated(String contactId, ContactDetails details, String originatingLeadId, String ownerId) {
}
