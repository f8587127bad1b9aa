package dev.leadqualification.query.readmodel;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The projections' writes. Inside an event handler that the processor runs as part of a batch, a write is held
 * and sent with the batch's others as JDBC batches (one round trip for many rows) when the batch commits; anywhere
 * else it goes to the database at once.
 * <p>
 * The writes of different aggregates touch different rows, so the batch may reorder them: the first write of every
 * aggregate, then the second of every aggregate, and so on, statements alike sent together. The writes of one
 * aggregate keep their order. {@code dev.leadqualification.query.deadletter.FailingEventIsolation} opens the batch
 * around each handler, drops the writes of a handler that failed, and makes a batch whose writes failed run again
 * one event at a time, so that a failing event is still parked alone.
 */
@Component
public class ProjectionWrites {

    private static final ThreadLocal<Batch> CURRENT = new ThreadLocal<>();

    private final NamedParameterJdbcTemplate jdbc;

    public ProjectionWrites(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs {@code sql} with {@code values}: now, or with the current batch. */
    public void update(String sql, SqlParameterSource values) {
        Batch batch = CURRENT.get();
        if (batch == null) {
            jdbc.update(sql, values);
        } else {
            batch.add(sql, values);
        }
    }

    /** Runs {@code sql} with {@code values} now, whatever batch is open, and answers how many rows it changed. */
    public int updateNow(String sql, SqlParameterSource values) {
        return jdbc.update(sql, values);
    }

    /**
     * Runs the DDL of read tables ({@code statements}, separated by semicolons) in the current transaction: a new
     * generation's schema, its tables and indexes, or dropping a retired generation ({@code query.generation}).
     */
    public void define(String statements) {
        jdbc.getJdbcOperations().execute(statements);
    }

    /** A batch of writes for this service's database. */
    public Batch newBatch() {
        return new Batch(jdbc);
    }

    /** What a handler runs while its writes join a batch. */
    @FunctionalInterface
    public interface Handling<T> {
        T run() throws Exception;
    }

    /** Writes held for one commit, in the order the handlers made them. */
    public static final class Batch {

        private final NamedParameterJdbcTemplate jdbc;
        private final List<Write> writes = new ArrayList<>();
        private String aggregate;
        private String event;

        private Batch(NamedParameterJdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        /**
         * Runs one event's handler with its writes joining this batch, under the event's aggregate ({@code null}
         * for an event of none: those keep their order among themselves). A handler that fails leaves nothing here.
         */
        public <T> T handle(String aggregateId, String eventId, Handling<T> handling) throws Exception {
            int before = writes.size();
            Batch outer = CURRENT.get();
            aggregate = aggregateId == null ? "" : aggregateId;
            event = eventId;
            CURRENT.set(this);
            try {
                return handling.run();
            } catch (Exception | Error failure) {
                writes.subList(before, writes.size()).clear();
                throw failure;
            } finally {
                CURRENT.set(outer);
            }
        }

        private void add(String sql, SqlParameterSource values) {
            writes.add(new Write(aggregate, event, sql, values));
        }

        /** The events whose writes are held. */
        public Set<String> events() {
            Set<String> events = new LinkedHashSet<>();
            writes.forEach(write -> events.add(write.event()));
            return events;
        }

        /** Sends every held write (nothing is held afterwards, whether it succeeded or not). */
        public void flush() {
            List<Write> pending = List.copyOf(writes);
            writes.clear();
            for (Map<String, List<SqlParameterSource>> round : rounds(pending)) {
                round.forEach((sql, values) -> {
                    if (values.size() == 1) {
                        jdbc.update(sql, values.get(0));
                    } else {
                        jdbc.batchUpdate(sql, values.toArray(SqlParameterSource[]::new));
                    }
                });
            }
        }

        /** Round n: the n-th write of every aggregate, grouped by statement in the order first seen. */
        private static List<Map<String, List<SqlParameterSource>>> rounds(List<Write> writes) {
            List<Map<String, List<SqlParameterSource>>> rounds = new ArrayList<>();
            Map<String, Integer> writesSoFar = new HashMap<>();
            for (Write write : writes) {
                int round = writesSoFar.merge(write.aggregate(), 1, Integer::sum) - 1;
                if (round == rounds.size()) {
                    rounds.add(new LinkedHashMap<>());
                }
                rounds.get(round).computeIfAbsent(write.sql(), sql -> new ArrayList<>()).add(write.values());
            }
            return rounds;
        }
    }

    private record Write(String aggregate, String event, String sql, SqlParameterSource values) {
    }
}
