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
 * carried them (jsonb), the lead the record came from, its search text, and who created it when. Records are
 * created once and not changed afterwards. Table and column names come from the subclasses, never from requests.
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

    /** A stored record. */
    public record Row<D>(String id, D details, String originatingLeadId, Instant createdAt, String createdBy) {
    }

    /** Stores a created record; a redelivered creation finds it stored and changes nothing. */
    public void insert(String id, D details, String originatingLeadId, String searchText, Instant at, String actor) {
        writes.update("INSERT INTO " + table + " (" + idColumn + ", details, originating_lead_id, search_text, created_at, created_by)"
                + " VALUES (:id, CAST(:details AS jsonb), :originatingLeadId, :searchText, :at, :actor)"
                + " ON CONFLICT (" + idColumn + ") DO NOTHING", new MapSqlParameterSource()
                .addValue("id", uuid(id))
                .addValue("details", json.write(details))
                .addValue("originatingLeadId", uuid(originatingLeadId))
                .addValue("searchText", searchText)
                .addValue("at", timestamp(at))
                .addValue("actor", actor));
    }

    public Optional<Row<D>> find(UUID id) {
        return jdbc.query("SELECT * FROM " + table + " WHERE " + idColumn + " = :id", new MapSqlParameterSource("id", id),
                (row, n) -> row(row)).stream().findFirst();
    }

    /** Newest first; {@code search} narrows the list when given. */
    public Page<Row<D>> list(String search, PageRequest page) {
        return PagedQuery.over(table, idColumn).searching(search).fetch(jdbc, page, (row, n) -> row(row));
    }

    private Row<D> row(ResultSet row) throws SQLException {
        return new Row<>(row.getString(idColumn), json.read(row, "details", detailsType),
                row.getString("originating_lead_id"), instant(row, "created_at"), row.getString("created_by"));
    }
}
