package dev.leadqualification.localruntime;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * A PostgreSQL server for local runs and tests: the one at the given admin URL when it answers; otherwise,
 * for a non-root user, an embedded server (zonky's binaries from Maven Central); as root, which PostgreSQL
 * refuses to run as, an error saying how to point at one.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DEFAULT_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    private final String adminUrl;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private LocalPostgres(String adminUrl, String user, String password, EmbeddedPostgres embedded) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /**
     * The server whose maintenance database is at {@code adminUrl}, or an embedded one if none answers there,
     * keeping its data in {@code embeddedDataDirectory} (null: a temporary directory removed on close).
     */
    public static LocalPostgres atOrEmbedded(String adminUrl, String user, String password, Path embeddedDataDirectory) {
        if (answers(adminUrl, user, password)) {
            return new LocalPostgres(adminUrl, user, password, null);
        }
        if ("root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("No PostgreSQL answers at " + adminUrl + " (user " + user + "). "
                    + "Start one (on Debian: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start), "
                    + "or point at one with the environment variables described in the README. "
                    + "An embedded PostgreSQL is not started for root: PostgreSQL refuses to run as root.");
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (embeddedDataDirectory != null) {
                Files.createDirectories(embeddedDataDirectory);
                builder.setDataDirectory(embeddedDataDirectory).setCleanDataDirectory(false);
            }
            EmbeddedPostgres server = builder.start();
            String url = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres";
            return new LocalPostgres(url, "postgres", "", server);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an embedded PostgreSQL in " + embeddedDataDirectory, e);
        }
    }

    /** The JDBC URL of database {@code name} on this server, creating the database if it does not exist. */
    public String database(String name) {
        String safe = name.toLowerCase(Locale.ROOT);
        if (!safe.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + safe + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + safe);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + adminUrl + " refused to create database " + safe
                    + ": " + e.getMessage(), e);
        }
        return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + safe;
    }

    /** Drops database {@code name} (closing its connections). */
    public void dropDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop database " + name + ": " + e.getMessage(), e);
        }
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    private static boolean answers(String url, String user, String password) {
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return true;
        } catch (SQLException unreachable) {
            return false;
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
