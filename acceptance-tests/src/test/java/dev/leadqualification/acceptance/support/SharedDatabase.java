package dev.leadqualification.acceptance.support;

import dev.leadqualification.platform.testing.FreshDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * SQL on the database of the {@link RunningServices#shared() shared services}, for the few tests that must put
 * there what no API writes: an event as an older release stored it, or a read model damaged on purpose to prove
 * that a replay rebuilds it (read tables are those of the live generation). Everything else goes through the HTTP
 * API.
 */
public final class SharedDatabase {

    private SharedDatabase() {
    }

    /** Runs one INSERT, UPDATE or DELETE with positional parameters; answers the number of rows changed. */
    public static int update(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Failed on the shared test database: " + sql, e);
        }
    }

    private static Connection connect() throws SQLException {
        return LiveReadModels.pointAtTheLiveGeneration(DriverManager.getConnection(
                RunningServices.shared().database().jdbcUrl(), FreshDatabase.USER, FreshDatabase.PASSWORD));
    }
}
