package dev.leadqualification.query.generation;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

/**
 * The query side's data source, which points every connection it hands out at one generation of the read models: the
 * projections and readers name their tables without a schema, and the connection's {@code search_path} says which
 * generation's tables those are. A connection is pointed at the live generation, as the database says at the moment it
 * is handed out (one statement); the thread that builds a new generation has its connections pointed at that one
 * ({@link #onGeneration}). So once the transaction that makes a generation live has committed, every connection any
 * instance takes afterwards reads the new one: no instance reads the old generation after another read the new one.
 * <p>
 * Until the schema migration has run ({@link #start()}) connections are handed out as they are (Flyway works in
 * {@code public}).
 */
public class GenerationRouting extends DelegatingDataSource {

    /** The live generation's schema, else (before migration V8 left one live) {@code public} alone. */
    private static final String POINT_AT_THE_LIVE_GENERATION = """
            SELECT set_config('search_path', coalesce((SELECT schema_name FROM read_model_generation
                                                       WHERE state = 'LIVE'), 'public') || ', public', false)""";

    private static final ThreadLocal<String> BUILDING = new ThreadLocal<>();

    private volatile boolean started;

    public GenerationRouting(DataSource target) {
        super(target);
    }

    /** From now on every connection is pointed at a generation (the tables exist). */
    public void start() {
        started = true;
    }

    /** Runs {@code work} with every connection this thread takes pointed at the generation in {@code schema}. */
    public static <T> T onGeneration(String schema, Supplier<T> work) {
        String outer = BUILDING.get();
        BUILDING.set(schema);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                BUILDING.remove();
            } else {
                BUILDING.set(outer);
            }
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pointed(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return pointed(super.getConnection(username, password));
    }

    private Connection pointed(Connection connection) throws SQLException {
        if (!started) {
            return connection;
        }
        String building = BUILDING.get();
        try (Statement statement = connection.createStatement()) {
            // a schema name of ours (Generation.schemaName: read_models_<n>), never a user's text
            statement.execute(building == null ? POINT_AT_THE_LIVE_GENERATION
                    : "SET search_path TO " + building + ", public");
        } catch (SQLException | RuntimeException failure) {
            connection.close();
            throw failure;
        }
        return connection;
    }
}
