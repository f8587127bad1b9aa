package dev.leadqualification.query.contact;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.leadqualification.kernel.contact.ContactDetails;

import java.time.Instant;

/** A contact: its details (with {@code parentAccountId}) at the top level, its full name, and its originating lead. */
public record ContactView(String contactId, @JsonUnwrapped ContactDetails details, String fullName,
                          String originatingLeadId, Instant createdAt, String createdBy) {
}
