package dev.leadqualification.query.account;

import dev.leadqualification.kernel.account.AccountCreated;
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

/** Projects accounts into {@code account_view}; inserted once per id (at-least-once delivery). */
@Component
@ProcessingGroup(AccountProjection.PROCESSING_GROUP)
public class AccountProjection {

    public static final String PROCESSING_GROUP = "account-projection";

    private final NamedParameterJdbcTemplate jdbc;
    private final JsonColumns json;

    public AccountProjection(NamedParameterJdbcTemplate jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    public void on(AccountCreated event, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR) String actor) {
        jdbc.update("""
                INSERT INTO account_view (account_id, details, originating_lead_id, search_text, created_at, created_by)
                VALUES (:accountId, CAST(:details AS jsonb), :originatingLeadId, :searchText, :at, :actor)
                ON CONFLICT (account_id) DO NOTHING""", new MapSqlParameterSource()
                .addValue("accountId", uuid(event.accountId()))
                .addValue("details", json.write(event.details()))
                .addValue("originatingLeadId", uuid(event.originatingLeadId()))
                .addValue("searchText", SearchText.of(event.details().name(), event.details().email()))
                .addValue("at", timestamp(at))
                .addValue("actor", actor));
    }
}
