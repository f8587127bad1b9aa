package dev.leadqualification.query.generation;

import dev.leadqualification.query.readmodel.ProjectionWrites;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The generations of the read models as {@code read_model_generation} records them (migration V8), and the hand-over
 * of the live processor's tokens at a switch. Writes go through {@link ProjectionWrites} in the caller's transaction.
 */
@Component
public class Generations {

    private final NamedParameterJdbcTemplate jdbc;
    private final ProjectionWrites writes;
    private final Serializer serializer;
    private final TokenSchema tokens;
    private final double claimTimeoutSeconds;

    /** {@code serializer}: Axon's general serializer, the one its JDBC token store writes tokens with. */
    public Generations(NamedParameterJdbcTemplate jdbc, ProjectionWrites writes, Serializer serializer,
                       TokenSchema tokens, TokenStoreProperties tokenStore) {
        this.jdbc = jdbc;
        this.writes = writes;
        this.serializer = serializer;
        this.tokens = tokens;
        this.claimTimeoutSeconds = tokenStore.getClaimTimeout().toMillis() / 1000.0;
    }

    /** The generation every read answers from. */
    public Generation live() {
        return one("state = 'LIVE'").orElseThrow(() -> new IllegalStateException("No live read-model generation"));
    }

    /** The rebuild under way, if one is. */
    public Optional<Generation> building() {
        return one("state = 'BUILDING'");
    }

    /** The newest rebuild that has not gone live: under way, or failed. */
    public Optional<Generation> lastRebuild() {
        return one("state IN ('BUILDING', 'FAILED') AND generation > (SELECT generation FROM read_model_generation"
                + " WHERE state = 'LIVE')");
    }

    /** Generations replaced by a newer one or given up, whose schema is still to be dropped. */
    List<Generation> abandoned() {
        return jdbc.query(SELECT + " WHERE state = 'RETIRED' OR (state = 'FAILED' AND generation < (SELECT max(generation)"
                + " FROM read_model_generation))", (row, n) -> generation(row));
    }

    /**
     * Records a new generation under way, built by {@code builder}; its schema and tables are created with it. Throws
     * Spring's {@code DuplicateKeyException} when one is under way already (at most one BUILDING row).
     */
    Generation begin(String builder) {
        Long last = jdbc.getJdbcOperations().queryForObject("SELECT max(generation) FROM read_model_generation",
                Long.class);
        long number = (last == null ? 0 : last) + 1;
        String schema = Generation.schemaName(number);
        writes.update("""
                INSERT INTO read_model_generation (generation, schema_name, schema_version, state, phase, builder)
                VALUES (:number, :schema, :version, 'BUILDING', 'LOADING', :builder)""", new MapSqlParameterSource()
                .addValue("number", number).addValue("schema", schema)
                .addValue("version", ReadModelSchema.VERSION).addValue("builder", builder));
        writes.define("CREATE SCHEMA " + schema + "; SET LOCAL search_path TO " + schema + ", public; "
                + ReadModelSchema.tables());
        return one("generation = " + number).orElseThrow();
    }

    /** {@code builder} takes over the rebuild its last builder left (it died): it resumes where that one stopped. */
    Generation resume(Generation generation, String builder) {
        writes.update("""
                UPDATE read_model_generation SET builder = :builder, attempt = attempt + 1, resumed_from = position
                WHERE generation = :number""",
                new MapSqlParameterSource("builder", builder).addValue("number", generation.number()));
        return one("generation = " + generation.number()).orElseThrow();
    }

    /** The token a rebuild has reached (null: it has read nothing yet). */
    TrackingToken token(Generation generation) {
        return jdbc.query("SELECT token, token_type FROM read_model_generation WHERE generation = :number",
                new MapSqlParameterSource("number", generation.number()), row -> {
                    row.next();
                    byte[] token = row.getBytes(1);
                    return token == null ? null : serializer.deserialize(
                            new SimpleSerializedObject<>(token, byte[].class, row.getString(2), null));
                });
    }

    /**
     * Records how far {@code builder}'s rebuild has read, in its batch's transaction; false when another instance has
     * taken the rebuild over meanwhile (then this batch must not commit).
     */
    boolean reached(Generation generation, String builder, TrackingToken token) {
        SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);
        return updated("""
                UPDATE read_model_generation SET token = :token, token_type = :type, position = :position
                WHERE generation = :number AND builder = :builder AND state = 'BUILDING'""", new MapSqlParameterSource()
                .addValue("token", serialized.getData()).addValue("type", serialized.getType().getName())
                .addValue("position", token.position().orElse(0)).addValue("number", generation.number())
                .addValue("builder", builder));
    }

    void phase(Generation generation, Generation.Phase phase) {
        writes.update("UPDATE read_model_generation SET phase = :phase WHERE generation = :number",
                new MapSqlParameterSource("phase", phase.name()).addValue("number", generation.number()));
    }

    void fail(Generation generation, String failure) {
        writes.update("UPDATE read_model_generation SET state = 'FAILED', failure = :failure, builder = NULL"
                        + " WHERE generation = :number",
                new MapSqlParameterSource("failure", failure).addValue("number", generation.number()));
    }

    /**
     * Makes {@code generation} live (the one live so far retires) and hands {@code token} to every segment of the live
     * {@code processor}, so that it goes on after the rebuild's last event without a gap or a repeat. False (nothing
     * changed, given the caller's transaction rolls back) while an instance still holds a segment of the processor.
     */
    boolean switchTo(Generation generation, String processor, TrackingToken token, Collection<String> projectionGroups) {
        SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);
        int segments = jdbc.getJdbcOperations().queryForObject("SELECT count(*) FROM " + tokens.tokenTable()
                + " WHERE " + tokens.processorNameColumn() + " = ?", Integer.class, processor);
        boolean handedOver = segments > 0 && updated("UPDATE " + tokens.tokenTable() + " SET " + tokens.tokenColumn()
                + " = :token, " + tokens.tokenTypeColumn() + " = :type, " + tokens.ownerColumn() + " = NULL WHERE "
                + tokens.processorNameColumn() + " = :processor AND (" + tokens.ownerColumn() + " IS NULL OR CAST("
                + tokens.timestampColumn() + " AS timestamptz) <= now() - make_interval(secs => :claimTimeout))",
                new MapSqlParameterSource("token", serialized.getData()).addValue("type", serialized.getType().getName())
                        .addValue("processor", processor).addValue("claimTimeout", claimTimeoutSeconds), segments);
        if (!handedOver) {
            return false;
        }
        MapSqlParameterSource number = new MapSqlParameterSource("number", generation.number());
        writes.update("UPDATE read_model_generation SET state = 'RETIRED', phase = NULL WHERE state = 'LIVE'", number);
        writes.update("""
                UPDATE read_model_generation SET state = 'LIVE', phase = NULL, builder = NULL, live_since = now()
                WHERE generation = :number""", number);
        // the projections' parked events are now those the rebuild parked (an in-place replay would have parked them)
        writes.update("DELETE FROM dead_letter_entry WHERE processing_group IN (:groups)",
                new MapSqlParameterSource("groups", projectionGroups));
        writes.update("UPDATE dead_letter_entry SET processing_group = left(processing_group,"
                + " length(processing_group) - length(:suffix)) WHERE processing_group LIKE '%' || :suffix",
                new MapSqlParameterSource("suffix", RebuildDeadLetters.groupOf("", generation.number())));
        return true;
    }

    /** Drops the tables of a generation no longer read (retired, or a failed rebuild a newer one replaced). */
    void drop(Generation generation) {
        writes.define("DROP SCHEMA IF EXISTS " + generation.schemaName() + " CASCADE");
        writes.update("DELETE FROM dead_letter_entry WHERE processing_group LIKE '%' || :suffix",
                new MapSqlParameterSource("suffix", RebuildDeadLetters.groupOf("", generation.number())));
        writes.update("DELETE FROM read_model_generation WHERE generation = :number",
                new MapSqlParameterSource("number", generation.number()));
    }

    private boolean updated(String sql, MapSqlParameterSource values) {
        return updated(sql, values, 1);
    }

    private boolean updated(String sql, MapSqlParameterSource values, int expected) {
        return writes.updateNow(sql, values) == expected;
    }

    private static final String SELECT = "SELECT generation, schema_name, schema_version, state, phase, position,"
            + " builder, attempt, resumed_from, failure FROM read_model_generation";

    private Optional<Generation> one(String condition) {
        return jdbc.query(SELECT + " WHERE " + condition + " ORDER BY generation DESC LIMIT 1",
                (row, n) -> generation(row)).stream().findFirst();
    }

    private static Generation generation(ResultSet row) throws SQLException {
        String phase = row.getString("phase");
        Long resumedFrom = row.getObject("resumed_from", Long.class);
        return new Generation(row.getLong("generation"), row.getString("schema_name"), row.getInt("schema_version"),
                Generation.State.valueOf(row.getString("state")), phase == null ? null : Generation.Phase.valueOf(phase),
                row.getLong("position"), row.getString("builder"), row.getInt("attempt"),
                resumedFrom, row.getString("failure"));
    }
}
