package dev.leadqualification.query.readmodel;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * A page of one read table, newest first ({@code created_at} descending, then the id), optionally narrowed
 * to rows with a column value and to rows whose {@code search_text} contains a search term.
 * Table and column names come from code, never from the request.
 */
public final class PagedQuery {

    private final String table;
    private final String idColumn;
    private final List<String> conditions = new ArrayList<>();
    private final MapSqlParameterSource parameters = new MapSqlParameterSource();

    private PagedQuery(String table, String idColumn) {
        this.table = table;
        this.idColumn = idColumn;
    }

    public static PagedQuery over(String table, String idColumn) {
        return new PagedQuery(table, idColumn);
    }

    /** Keeps the rows whose {@code column} equals {@code value}; no condition when the value is null. */
    public PagedQuery whereEquals(String column, String value) {
        if (value != null) {
            conditions.add(column + " = :" + column);
            parameters.addValue(column, value);
        }
        return this;
    }

    /** Keeps the rows whose search text contains {@code term}; no condition when the term is null or blank. */
    public PagedQuery searching(String term) {
        if (term != null && !term.isBlank()) {
            conditions.add("search_text LIKE :search");
            parameters.addValue("search", SearchText.containing(term));
        }
        return this;
    }

    public <T> Page<T> fetch(NamedParameterJdbcTemplate jdbc, PageRequest request, RowMapper<T> rows) {
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        Long total = jdbc.queryForObject("SELECT count(*) FROM " + table + where, parameters, Long.class);
        MapSqlParameterSource pageParameters = new MapSqlParameterSource(parameters.getValues())
                .addValue("limit", request.size())
                .addValue("offset", request.offset());
        List<T> items = jdbc.query("SELECT * FROM " + table + where
                + " ORDER BY created_at DESC, " + idColumn + " LIMIT :limit OFFSET :offset", pageParameters, rows);
        return new Page<>(items, request.page(), request.size(), total == null ? 0 : total);
    }
}
