package dev.leadqualification.query.generation;

import dev.leadqualification.platform.testing.FreshDatabase;
import org.flywaydb.core.Flyway;
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
 * A generation built from {@link ReadModelSchema}'s scripts has exactly the shape the migrations gave generation 1
 * (columns, keys, indexes, storage settings), so that a rebuild ends as the migrated read models would.
 */
class ReadModelSchemaTest {

    private static final FreshDatabase DATABASE = FreshDatabase.create("read_model_schema");

    @Test
    void aGenerationBuiltFromTheScriptsHasTheShapeTheMigrationsGaveTheFirst() throws SQLException {
        Flyway.configure().dataSource(DATABASE.jdbcUrl(), FreshDatabase.USER, FreshDatabase.PASSWORD)
                .locations("classpath:db/eventstore").table("flyway_history_event_store").load().migrate();
        Flyway.configure().dataSource(DATABASE.jdbcUrl(), FreshDatabase.USER, FreshDatabase.PASSWORD)
                .locations("classpath:db/query").table("flyway_history_query").baselineOnMigrate(true)
                .baselineVersion("0").load().migrate();
        try (Connection connection = DriverManager.getConnection(DATABASE.jdbcUrl(), FreshDatabase.USER,
                FreshDatabase.PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA read_models_2; SET search_path TO read_models_2, public; "
                    + ReadModelSchema.tables() + ReadModelSchema.indexes());

            assertThat(shape(statement, "read_models_2")).isEqualTo(shape(statement, "read_models_1")).isNotEmpty();
        }
    }

    /** Every column, constraint, index and storage option of the schema's tables, without the schema's name. */
    private static List<String> shape(Statement statement, String schema) throws SQLException {
        List<String> shape = new ArrayList<>();
        read(statement, shape, "SELECT table_name || '.' || column_name || ' ' || data_type || ' '"
                + " || coalesce(character_maximum_length::text, '') || ' ' || is_nullable || ' '"
                + " || coalesce(column_default, '') FROM information_schema.columns WHERE table_schema = '" + schema
                + "' ORDER BY table_name, ordinal_position");
        read(statement, shape, "SELECT conrelid::regclass::text || ' ' || pg_get_constraintdef(oid) FROM pg_constraint"
                + " WHERE connamespace = '" + schema + "'::regnamespace ORDER BY 1");
        read(statement, shape, "SELECT indexname || ' ' || replace(indexdef, '" + schema + ".', '') FROM pg_indexes"
                + " WHERE schemaname = '" + schema + "' ORDER BY indexname");
        read(statement, shape, "SELECT relname || ' ' || coalesce(array_to_string(reloptions, ','), '') FROM pg_class"
                + " WHERE relnamespace = '" + schema + "'::regnamespace AND relkind = 'r' ORDER BY relname");
        return shape.stream().map(line -> line.replace(schema + ".", "")).toList();
    }

    private static void read(Statement statement, List<String> shape, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                shape.add(rows.getString(1));
            }
        }
    }
}
