package dev.leadqualification.query.contact;

import dev.leadqualification.kernel.contact.ContactDetails;
import dev.leadqualification.query.readmodel.CustomerRecordTable;
import dev.leadqualification.query.readmodel.JsonColumns;
import dev.leadqualification.query.readmodel.ProjectionWrites;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code contact_view}: contacts, searchable by full name and e-mail. */
@Repository
public class ContactTable extends CustomerRecordTable<ContactDetails> {

    public ContactTable(NamedParameterJdbcTemplate jdbc, ProjectionWrites writes, JsonColumns json) {
        super("contact_view", "contact_id", ContactDetails.class, jdbc, writes, json);
    }
}
