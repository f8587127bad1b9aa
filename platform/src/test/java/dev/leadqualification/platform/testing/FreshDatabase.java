package dev.leadqualification.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Creates an empty PostgreSQL database for one test run, so runs never see each other's data.
 * The server is {@code TEST_POSTGRES_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/postgres}),
 * user {@code TEST_POSTGRES_USER} (default {@code postgres}), password {@code TEST_POSTGRES_PASSWORD}.
 * The database is dropped when the JVM exits.
 */
public final class FreshDatabase {

    private static final String SERVER_URL = env("TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    public static final String USER = env("TEST_POSTGRES_USER", "postgres");
    public static final String PASSWORD = env("TEST_POSTGRES_PASSWORD", "");

    private final String name;

    private FreshDatabase(String name) {
        this.name = name;
    }

    /** A new, empty database whose name starts with {@code lq_<purpose>_}. */
    public static FreshDatabase create(String purpose) {
        String name = ("lq_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        execute("CREATE DATABASE " + name);
        FreshDatabase database = new FreshDatabase(name);
        Runtime.getRuntime().addShutdownHook(new Thread(database::drop));
        return database;
    }

    public String jdbcUrl() {
        return SERVER_URL.substring(0, SERVER_URL.lastIndexOf('/') + 1) + name;
    }

    public String name() {
        return name;
    }

    private void drop() {
        try {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (IllegalStateException ignored) {
            // best effort at JVM exit: a leftover test database is harmless
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER_URL, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER_URL + " refused '" + sql + "': " + e.getMessage()
                    + " (start it, or point TEST_POSTGRES_URL at one)", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
