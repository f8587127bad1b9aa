package dev.leadqualification.benchmark.baseline;

import dev.leadqualification.benchmark.system.JdbcTarget;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * PostgreSQL's commit ceiling on this machine, the baseline every figure is set beside: {@code threads} JDBC
 * connections each committing single-row inserts (autocommit) into a scratch table for {@code duration}; the
 * result is committed rows per second. The scratch table is dropped afterwards.
 */
public final class CommitCeiling {

    static final String TABLE = "benchmark_commit_ceiling";

    private CommitCeiling() {
    }

    public record Result(int threads, double seconds, long rows, double rowsPerSecond) {
    }

    public static Result measure(JdbcTarget database, int threads, Duration duration) {
        execute(database, "CREATE TABLE IF NOT EXISTS " + TABLE
                + " (id BIGSERIAL PRIMARY KEY, writer INT NOT NULL, payload TEXT NOT NULL,"
                + " written_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        ExecutorService writers = Executors.newFixedThreadPool(threads);
        try {
            List<Connection> connections = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                connections.add(database.connect());
            }
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            List<Future<Long>> counts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int writer = i;
                Connection connection = connections.get(i);
                counts.add(writers.submit(() -> insertUntil(connection, writer, deadline)));
            }
            long rows = 0;
            for (Future<Long> count : counts) {
                rows += count.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            for (Connection connection : connections) {
                connection.close();
            }
            return new Result(threads, seconds, rows, rows / seconds);
        } catch (SQLException e) {
            throw new IllegalStateException("The commit ceiling could not be measured: " + e.getMessage(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The commit ceiling could not be measured: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while measuring the commit ceiling", e);
        } finally {
            writers.shutdownNow();
            execute(database, "DROP TABLE IF EXISTS " + TABLE);
        }
    }

    private static long insertUntil(Connection connection, int writer, long deadline) throws SQLException {
        connection.setAutoCommit(true);
        long rows = 0;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + TABLE + " (writer, payload) VALUES (?, ?)")) {
            while (System.nanoTime() - deadline < 0) {
                insert.setInt(1, writer);
                insert.setString(2, "row " + rows + " of writer " + writer);
                insert.executeUpdate();
                rows++;
            }
        }
        return rows;
    }

    private static void execute(JdbcTarget database, String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }
}
