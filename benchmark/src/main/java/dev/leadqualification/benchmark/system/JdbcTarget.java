package dev.leadqualification.benchmark.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The database the services share, for the baseline and the machine's PostgreSQL version (never for results). */
public record JdbcTarget(String url, String user, String password) {

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** What {@code SELECT version()} says, e.g. "PostgreSQL 15.20 (Debian ...) on x86_64-pc-linux-gnu, ...". */
    public String serverVersion() {
        return single("SELECT version()");
    }

    /** The number of events in the event store. */
    public long eventCount() {
        return Long.parseLong(single("SELECT count(*) FROM domain_event_entry"));
    }

    private String single(String sql) {
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + url + ": " + e.getMessage(), e);
        }
    }
}
