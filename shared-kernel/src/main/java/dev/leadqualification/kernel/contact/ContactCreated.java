package dev.leadqualification.kernel.contact;

import org.axonframework.serialization.Revision;

/** A contact came into being. */
@Revision("1")
public record ContactCreated(String contactId, ContactDetails details, String originatingLeadId) {
}
