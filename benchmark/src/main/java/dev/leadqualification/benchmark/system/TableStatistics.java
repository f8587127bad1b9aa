package dev.leadqualification.benchmark.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps the planner's statistics of the services' database current while the benchmark runs, when the server's
 * autovacuum is off (as on the development machine); with autovacuum on, PostgreSQL does it itself and this does
 * nothing.
 * <p>
 * Without statistics, a statement the services prepared while a table was nearly empty keeps the plan it got then,
 * a sequential scan, however large the table grows: in a run of 290,000 events pg_stat_statements showed the event
 * store's read with gaps at 5 ms a call instead of 0.05 ms, and reading an opportunity's notes at 6 ms. So this
 * does what autovacuum's analyze does on a default server: every {@link #INTERVAL} it analyzes each table changed by
 * more than 50 rows plus a tenth of its size since it was last analyzed ({@code autovacuum_analyze_threshold} and
 * {@code autovacuum_analyze_scale_factor}), which also makes the services' cached plans on it be made again.
 * Analyzing every table every time took about 2 s of the database's time a round.
 */
public final class TableStatistics implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(30);
    /** The tables autovacuum would analyze now, as quoted names. */
    private static final String CHANGED_TABLES = """
            SELECT quote_ident(t.schemaname) || '.' || quote_ident(t.relname)
            FROM pg_stat_user_tables t JOIN pg_class c ON c.oid = t.relid
            WHERE t.n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)""";

    private final ScheduledExecutorService analyzer;
    private final Runnable analyzeChanged;

    private TableStatistics(ScheduledExecutorService analyzer, Runnable analyzeChanged) {
        this.analyzer = analyzer;
        this.analyzeChanged = analyzeChanged;
    }

    /** Starts analyzing {@code database} if it is known and its server's autovacuum is off; {@code say} tells which. */
    public static TableStatistics keptCurrentIn(Optional<JdbcTarget> database, Consumer<String> say) {
        return keptCurrentIn(database, say, INTERVAL);
    }

    static TableStatistics keptCurrentIn(Optional<JdbcTarget> database, Consumer<String> say, Duration interval) {
        if (database.isEmpty() || autovacuumIsOn(database.get())) {
            return new TableStatistics(null, null);
        }
        say.accept("autovacuum is off on this server: ANALYZE every " + interval.toMillis()
                + " ms while the services run, as autovacuum would");
        ScheduledExecutorService analyzer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "analyze");
            thread.setDaemon(true);
            return thread;
        });
        Runnable analyzeChanged = () -> analyze(database.get(), say);
        analyzer.scheduleWithFixedDelay(analyzeChanged, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return new TableStatistics(analyzer, analyzeChanged);
    }

    /**
     * Analyzes the changed tables now and returns when done (on the analyzing thread, so never beside a round of
     * its own): as PostgreSQL's documentation advises after a bulk load ("Populating a Database"), and so that a
     * measurement that follows one is not shared with a round that analyzes all it loaded.
     */
    public void analyzeChangedTables() {
        if (analyzer == null) {
            return;
        }
        try {
            analyzer.submit(analyzeChanged).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while analyzing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Analyzing failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static boolean autovacuumIsOn(JdbcTarget database) {
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet setting = statement.executeQuery("SHOW autovacuum")) {
            setting.next();
            return "on".equals(setting.getString(1));
        } catch (SQLException e) {
            throw new IllegalStateException("SHOW autovacuum failed on " + database.url() + ": " + e.getMessage(), e);
        }
    }

    private static void analyze(JdbcTarget database, Consumer<String> say) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            List<String> changed = new ArrayList<>();
            try (ResultSet tables = statement.executeQuery(CHANGED_TABLES)) {
                while (tables.next()) {
                    changed.add(tables.getString(1));
                }
            }
            for (String table : changed) {
                statement.execute("ANALYZE " + table);
            }
        } catch (SQLException e) {
            say.accept("ANALYZE failed (the run goes on): " + e.getMessage());
        }
    }

    /** Stops analyzing; an ANALYZE under way is let finish, so that the database can then be dropped. */
    @Override
    public void close() {
        if (analyzer != null) {
            analyzer.shutdown();
            try {
                analyzer.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
