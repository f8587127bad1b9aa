package dev.leadqualification.query.contact;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.leadqualification.kernel.contact.ContactDetails;
import dev.leadqualification.query.readmodel.CustomerRecordTable;

import java.time.Instant;

/**
 * A contact: its details (with {@code parentAccountId} and {@code leadSource}) at the top level, its full name, its
 * originating lead and its owner. Its {@code version} is the sequence number of its last event applied (0 until it is
 * assigned).
 */
public record ContactView(String contactId, @JsonUnwrapped ContactDetails details, String fullName,
                          String originatingLeadId, String ownerId, Instant createdAt, String createdBy, long version) {

    static ContactView of(CustomerRecordTable.Row<ContactDetails> row) {
        return new ContactView(row.id(), row.details(), row.details().fullName(), row.originatingLeadId(),
                row.ownerId(), row.createdAt(), row.createdBy(), row.version());
    }
}
