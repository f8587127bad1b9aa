package dev.leadqualification.benchmark.system;

import dev.leadqualification.benchmark.BenchmarkOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** With the server's autovacuum off, the tables of the benchmark's database are analyzed as they change. */
class TableStatisticsTest {

    private BenchmarkDatabase database;
    private JdbcTarget target;

    /** A fresh database of its own, on a server whose autovacuum is off (else there is nothing to test). */
    @BeforeEach
    void freshDatabase() throws SQLException {
        BenchmarkOptions options = BenchmarkOptions.parse();
        database = BenchmarkDatabase.create(options.postgresUrl(), options.postgresUser(), options.postgresPassword(),
                false);
        target = database.target();
        assumeTrue("off".equals(query(target, "SHOW autovacuum")), "the server analyzes by itself");
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void withAutovacuumOffAChangedTableIsAnalyzedWhileTheBenchmarkRuns() throws Exception {
        execute(target, "CREATE TABLE growing AS SELECT n FROM generate_series(1, 1000) AS n");
        List<String> said = new CopyOnWriteArrayList<>();

        try (TableStatistics statistics = TableStatistics.keptCurrentIn(Optional.of(target), said::add,
                Duration.ofMillis(100))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (query(target, "SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'growing'") == null
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }

        assertThat(query(target, "SELECT reltuples::bigint FROM pg_class WHERE relname = 'growing'"))
                .isEqualTo("1000");
        assertThat(said).first().asString().startsWith("autovacuum is off");
    }

    @Test
    void afterABulkLoadTheChangedTablesAreAnalyzedAtOnceWhenAsked() throws Exception {
        execute(target, "CREATE TABLE loaded AS SELECT n FROM generate_series(1, 5000) AS n");

        try (TableStatistics statistics = TableStatistics.keptCurrentIn(Optional.of(target), said -> { },
                Duration.ofHours(1))) {
            statistics.analyzeChangedTables();

            assertThat(query(target, "SELECT reltuples::bigint FROM pg_class WHERE relname = 'loaded'"))
                    .isEqualTo("5000");
        }
    }

    private static String query(JdbcTarget target, String sql) throws SQLException {
        try (Connection connection = target.connect(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static void execute(JdbcTarget target, String sql) throws SQLException {
        try (Connection connection = target.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
