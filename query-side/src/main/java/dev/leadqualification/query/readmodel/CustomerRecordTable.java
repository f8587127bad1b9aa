package dev.leadqualification.query.readmodel;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static dev.leadqualification.query.readmodel.SqlValues.instant;
import static dev.leadqualification.query.readmodel.SqlValues.timestamp;
import static dev.leadqualification.query.readmodel.SqlValues.uuid;

/**
 * The read table of one kind of customer record (accounts, contacts): the id, the details as the creating event
 * carried them (jsonb), the lead the record came from, its owner, its search text, who created it when, and its
 * version. Records are created once; only their owner changes afterwards. Table and column names come from the subclasses, never from requests.
 */
public abstract class CustomerRecordTable<D> {

    private final String table;
    private final String idColumn;
    private final Class<D> detailsType;
    private final NamedParameterJdbcTemplate jdbc;
    private final ProjectionWrites writes;
    private final JsonColumns json;

    protected CustomerRecordTable(String table, String idColumn, Class<D> detailsType,
                                  NamedParameterJdbcTemplate jdbc, ProjectionWrites writes, JsonColumns json) {
        this.table = table;
        this.idColumn = idColumn;
        this.detailsType = detailsType;
        this.jdbc = jdbc;
        this.writes = writes;
        this.json = json;
    }

    /** A stored record; {@code version} is the sequence number of its last event applied. */
    public record Row<D>(String id, D details, String originatingLeadId, String ownerId, Instant createdAt,
                         String createdBy, long version) {
    }

    /** Stores a created record (sequence number 0); a redelivered creation finds it stored and changes nothing. */
    public void insert(String id, D details, String originatingLeadId, String ownerId, String searchText, Instant at,
                       String actor) {
        writes.update("INSERT INTO " + table + " (" + idColumn + ", details, originating_lead_id, owner_id, search_text,"
                + " created_at, created_by, version)"
                + " VALUES (:id, CAST(:details AS jsonb), :originatingLeadId, :ownerId, :searchText, :at, :actor, 0)"
                + " ON CONFLICT (" + idColumn + ") DO NOTHING", new MapSqlParameterSource()
                .addValue("id", uuid(id))
                .addValue("details", json.write(details))
                .addValue("originatingLeadId", uuid(originatingLeadId))
                .addValue("ownerId", ownerId)
                .addValue("searchText", searchText)
                .addValue("at", timestamp(at))
                .addValue("actor", actor));
    }

    /** Gives the record its new owner, unless the row has applied this event (its sequence number) already. */
    public void assign(String id, String ownerId, long sequence) {
        writes.update("UPDATE " + table + " SET owner_id = :ownerId, version = :version WHERE " + idColumn + " = :id"
                + " AND version < :version", new MapSqlParameterSource()
                .addValue("id", uuid(id))
                .addValue("ownerId", ownerId)
                .addValue("version", sequence));
    }

    public Optional<Row<D>> find(UUID id) {
        return jdbc.query("SELECT * FROM " + table + " WHERE " + idColumn + " = :id", new MapSqlParameterSource("id", id),
                (row, n) -> row(row)).stream().findFirst();
    }

    /** Newest first; {@code ownerId} and {@code search} narrow the list when given. */
    public Page<Row<D>> list(String ownerId, String search, PageRequest page) {
        return PagedQuery.over(table, idColumn).whereEquals("owner_id", ownerId).searching(search)
                .fetch(jdbc, page, (row, n) -> row(row));
    }

    private Row<D> row(ResultSet row) throws SQLException {
        return new Row<>(row.getString(idColumn), json.read(row, "details", detailsType),
                row.getString("originating_lead_id"), row.getString("owner_id"), instant(row, "created_at"),
                row.getString("created_by"), row.getLong("version"));
    }
}
