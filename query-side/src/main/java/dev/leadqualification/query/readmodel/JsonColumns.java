package dev.leadqualification.query.readmodel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads and writes jsonb columns with the application's ObjectMapper, so stored values look exactly like the
 * API's JSON (ISO dates, UPPER_SNAKE enums). SQL passes the written text as {@code CAST(:param AS jsonb)}.
 */
@Component
public class JsonColumns {

    private final ObjectMapper objectMapper;

    public JsonColumns(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** The value as JSON text, or null for null. */
    public String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The column's value as {@code type}, or null when the column is null. */
    public <T> T read(ResultSet row, String column, Class<T> type) throws SQLException {
        String json = row.getString(column);
        if (json == null) {
            return null;
        }
        try {
            return objectMapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Column " + column + " does not hold a " + type.getSimpleName(), e);
        }
    }
}
