package dev.leadqualification.query.contact;

import dev.leadqualification.kernel.contact.ContactDetails;
import dev.leadqualification.query.readmodel.JsonColumns;
import dev.leadqualification.query.readmodel.Page;
import dev.leadqualification.query.readmodel.PageRequest;
import dev.leadqualification.query.readmodel.PagedQuery;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import static dev.leadqualification.query.readmodel.SqlValues.instant;

/** Reads {@code contact_view}. */
@Repository
public class ContactViews {

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonColumns json;

    public ContactViews(NamedParameterJdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<ContactView> find(UUID contactId) {
        return jdbc.query("SELECT * FROM contact_view WHERE contact_id = :contactId",
                new MapSqlParameterSource("contactId", contactId), (row, n) -> contact(row)).stream().findFirst();
    }

    /** Newest first; {@code search} (full name, e-mail) narrows the list when given. */
    public Page<ContactView> list(String search, PageRequest page) {
        return PagedQuery.over("contact_view", "contact_id").searching(search).fetch(jdbc, page, (row, n) -> contact(row));
    }

    private ContactView contact(ResultSet row) throws SQLException {
        ContactDetails details = json.read(row, "details", ContactDetails.class);
        return new ContactView(row.getString("contact_id"), details, details.fullName(),
                row.getString("originating_lead_id"), instant(row, "created_at"), row.getString("created_by"));
    }
}
