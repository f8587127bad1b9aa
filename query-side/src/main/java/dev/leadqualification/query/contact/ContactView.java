package dev.leadqualification.query.contact;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.leadqualification.kernel.contact.ContactDetails;
import dev.leadqualification.query.readmodel.CustomerRecordTable;

import java.time.Instant;

/**
 * A contact: its details (with {@code parentAccountId}) at the top level, its full name, and its originating lead.
 * Its {@code version} is always {@value #VERSION}: one event (sequence number 0) creates a contact and no event
 * changes it.
 */
public record ContactView(String contactId, @JsonUnwrapped ContactDetails details, String fullName,
                          String originatingLeadId, Instant createdAt, String createdBy, long version) {

    static final long VERSION = 0;

    static ContactView of(CustomerRecordTable.Row<ContactDetails> row) {
        return new ContactView(row.id(), row.details(), row.details().fullName(), row.originatingLeadId(),
                row.createdAt(), row.createdBy(), VERSION);
    }
}
