package dev.leadqualification.acceptance.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The query side keeps its read tables in a schema per generation ({@code read_models_<n>}); a test that must reach
 * them with SQL points its connection at the live one, as the query side does with every connection it takes.
 */
public final class LiveReadModels {

    private LiveReadModels() {
    }

    /** Unqualified table names on {@code connection} now name the live generation's tables (then {@code public}'s). */
    public static Connection pointAtTheLiveGeneration(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT set_config('search_path', (SELECT schema_name FROM read_model_generation"
                    + " WHERE state = 'LIVE') || ', public', false)");
        }
        return connection;
    }
}
