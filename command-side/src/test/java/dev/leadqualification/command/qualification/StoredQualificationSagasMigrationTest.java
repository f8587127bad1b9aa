package dev.leadqualification.command.qualification;

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
 * Sagas stored by versions whose saga waited for the lead's outcome event are removed by the migration that comes
 * with the saga ending in its start (the saga no longer handles that event, so they would never end); other sagas
 * stay.
 */
class StoredQualificationSagasMigrationTest {

    private static final String QUALIFICATION_SAGA = QualificationSaga.class.getName();

    private final FreshDatabase database = FreshDatabase.create("saga_migration");

    private Flyway migrationsUpTo(String version) {
        return Flyway.configure().dataSource(database.jdbcUrl(), FreshDatabase.USER, FreshDatabase.PASSWORD)
                .locations("classpath:db/command").table("flyway_history_command")
                .target(MigrationVersion.fromVersion(version)).load();
    }

    @Test
    void waitingQualificationSagasAreRemovedAndOthersKept() throws SQLException {
        migrationsUpTo("2").migrate();
        try (Connection connection = connect(); Statement sql = connection.createStatement()) {
            storeSaga(sql, "waiting-qualification", QUALIFICATION_SAGA);
            storeSaga(sql, "other-saga", "dev.example.OtherSaga");

            migrationsUpTo("3").migrate();

            assertThat(sagaIds(sql, "saga_entry")).containsExactly("other-saga");
            assertThat(sagaIds(sql, "association_value_entry")).containsExactly("other-saga");
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), FreshDatabase.USER, FreshDatabase.PASSWORD);
    }

    private static void storeSaga(Statement sql, String sagaId, String sagaType) throws SQLException {
        sql.executeUpdate("INSERT INTO saga_entry (saga_id, revision, saga_type, serialized_saga) VALUES ('"
                + sagaId + "', NULL, '" + sagaType + "', '\\x7b7d')");
        sql.executeUpdate("INSERT INTO association_value_entry (association_key, association_value, saga_id, saga_type)"
                + " VALUES ('qualificationId', 'q-" + sagaId + "', '" + sagaId + "', '" + sagaType + "')");
    }

    private static List<String> sagaIds(Statement sql, String table) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("SELECT saga_id FROM " + table + " ORDER BY saga_id")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
