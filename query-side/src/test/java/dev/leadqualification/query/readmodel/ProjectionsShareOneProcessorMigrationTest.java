package dev.leadqualification.query.readmodel;

import dev.leadqualification.platform.testing.FreshDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration that comes with the projections sharing one processor leaves the database as a replay would: the
 * processors that each projection had lose their tokens and the read tables are emptied, so the new processor
 * rebuilds them from the first event. Other processors' tokens stay.
 */
class ProjectionsShareOneProcessorMigrationTest {

    private final FreshDatabase database = FreshDatabase.create("projections_migration");

    private Flyway migrationsUpTo(String version) {
        return Flyway.configure().dataSource(database.jdbcUrl(), FreshDatabase.USER, FreshDatabase.PASSWORD)
                .locations("classpath:db/query").table("flyway_history_query")
                .baselineOnMigrate(true).baselineVersion("0")
                .target(MigrationVersion.fromVersion(version)).load();
    }

    @Test
    void theOldProcessorsTokensAndTheReadModelsTheyBuiltAreGone() throws SQLException {
        Flyway.configure().dataSource(database.jdbcUrl(), FreshDatabase.USER, FreshDatabase.PASSWORD)
                .locations("classpath:db/eventstore").table("flyway_history_event_store").load().migrate();
        migrationsUpTo("3").migrate();
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            for (String processor : List.of("lead-projection", "account-projection", "contact-projection",
                    "opportunity-projection", "attachment-projection", "qualification-saga")) {
                sql.executeUpdate("INSERT INTO token_entry (processor_name, segment) VALUES ('" + processor + "', 0)");
            }
            sql.executeUpdate("INSERT INTO account_view (account_id, details, search_text, created_at) VALUES "
                    + "(gen_random_uuid(), '{}', 'contoso', now())");
            sql.executeUpdate("INSERT INTO attachment_view (note_id, file_name, mime_type, content) VALUES "
                    + "(gen_random_uuid(), 'offer.txt', 'text/plain', '\\x6f6666')");

            migrationsUpTo("4").migrate();

            assertThat(strings(sql, "SELECT processor_name FROM token_entry")).containsExactly("qualification-saga");
            assertThat(strings(sql, "SELECT account_id::text FROM account_view")).isEmpty();
            assertThat(strings(sql, "SELECT note_id::text FROM attachment_view")).isEmpty();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), FreshDatabase.USER, FreshDatabase.PASSWORD);
    }

    private static List<String> strings(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
