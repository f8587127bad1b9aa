package dev.leadqualification.benchmark.baseline;

import dev.leadqualification.benchmark.system.JdbcTarget;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * PostgreSQL's own rate of loading the rows a replay writes: every row of the live generation's read tables, copied
 * out to a file (binary COPY format), then loaded with {@code COPY ... FROM STDIN} into empty tables of the same shape with their keys and
 * indexes ({@code LIKE ... INCLUDING ALL}), all in one transaction that is rolled back. Only the loads are timed.
 */
public final class ReadTableLoad {

    static final List<String> TABLES = List.of("lead_view", "lead_note_view", "attachment_view", "account_view",
            "contact_view", "opportunity_view", "opportunity_note_view");

    private ReadTableLoad() {
    }

    public record Load(long rows, long bytes, double seconds, double rowsPerSecond) {
    }

    public static Load measure(JdbcTarget database) {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            String live;
            try (Statement statement = connection.createStatement();
                 var result = statement.executeQuery("SELECT schema_name FROM read_model_generation WHERE state = 'LIVE'")) {
                result.next();
                live = result.getString(1);
                statement.execute("CREATE SCHEMA load_baseline");
                statement.execute("SET LOCAL search_path TO load_baseline, public");
                for (String table : TABLES) {
                    statement.execute("CREATE TABLE " + table + " (LIKE " + live + "." + table + " INCLUDING ALL)");
                }
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long rows = 0;
            long bytes = 0;
            long nanos = 0;
            for (String table : TABLES) {
                Path file = Files.createTempFile("read-rows-", ".copy");
                try {
                    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
                        copy.copyOut("COPY " + live + "." + table + " TO STDOUT (FORMAT binary)", out);
                    }
                    bytes += Files.size(file);
                    long start = System.nanoTime();
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
                        rows += copy.copyIn("COPY load_baseline." + table + " FROM STDIN (FORMAT binary)", in);
                    }
                    nanos += System.nanoTime() - start;
                } finally {
                    Files.deleteIfExists(file);
                }
            }
            connection.rollback();
            double seconds = nanos / 1e9;
            return new Load(rows, bytes, seconds, rows / seconds);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not load the read tables' rows: " + e.getMessage(), e);
        }
    }
}
