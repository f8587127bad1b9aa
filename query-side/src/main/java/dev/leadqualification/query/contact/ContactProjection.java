package dev.leadqualification.query.contact;

import dev.leadqualification.kernel.contact.ContactCreated;
import dev.leadqualification.platform.eventstore.MetadataKeys;
import dev.leadqualification.query.readmodel.JsonColumns;
import dev.leadqualification.query.readmodel.SearchText;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static dev.leadqualification.query.readmodel.SqlValues.timestamp;
import static dev.leadqualification.query.readmodel.SqlValues.uuid;

/** Projects contacts into {@code contact_view}; inserted once per id (at-least-once delivery). */
@Component
@ProcessingGroup(ContactProjection.PROCESSING_GROUP)
public class ContactProjection {

    public static final String PROCESSING_GROUP = "contact-projection";

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonColumns json;

    public ContactProjection(NamedParameterJdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    public void on(ContactCreated event, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        jdbc.update("""
                INSERT INTO contact_view (contact_id, details, originating_lead_id, search_text, created_at, created_by)
                VALUES (:contactId, CAST(:details AS jsonb), :originatingLeadId, :searchText, :at, :actor)
                ON CONFLICT (contact_id) DO NOTHING""", new MapSqlParameterSource()
                .addValue("contactId", uuid(event.contactId()))
                .addValue("details", json.write(event.details()))
                .addValue("originatingLeadId", uuid(event.originatingLeadId()))
                .addValue("searchText", SearchText.of(event.details().fullName(), event.details().email()))
                .addValue("at", timestamp(at))
                .addValue("actor", actor));
    }
}
