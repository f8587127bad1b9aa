package dev.leadqualification.kernel.contact;

/** A contact came into being. */
public record ContactCreated(String contactId, ContactDetails details, String originatingLeadId) {
}
