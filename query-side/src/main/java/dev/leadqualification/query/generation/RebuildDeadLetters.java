package dev.leadqualification.query.generation;

import dev.leadqualification.query.deadletter.ProjectionFailurePolicy;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a rebuild does with an event a projection cannot apply: what the live processor does ({@code query.deadletter}),
 * so that a rebuilt generation ends as an in-place replay would. The event is parked for that projection alone with
 * the later events of its aggregate behind it, under the group's name and the generation's ({@code lead-projection@4}:
 * the live processor's letters stay apart while the rebuild runs). When the generation goes live its letters take the
 * groups' own names and the live generation's go ({@link Generations#switchTo}).
 */
@Component
public class RebuildDeadLetters {

    private final ConnectionProvider connections;
    private final TransactionManager transactions;
    private final DeadLetterSchema schema;
    private final Serializer serializer;
    private final Serializer eventSerializer;
    private final ProjectionFailurePolicy policy = new ProjectionFailurePolicy();
    private final Map<String, SequencedDeadLetterQueue<EventMessage<?>>> queues = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;

    public RebuildDeadLetters(ConnectionProvider connections, TransactionManager transactions, DeadLetterSchema schema,
                              Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                              JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.connections = connections;
        this.transactions = transactions;
        this.schema = schema;
        this.serializer = serializer;
        this.eventSerializer = eventSerializer;
    }

    /** The processing group under which a rebuild of {@code generation} parks the events of {@code group}. */
    static String groupOf(String group, long generation) {
        return group + "@" + generation;
    }

    /** The sequences a rebuild of {@code generation} has parked so far (none, unless it is resumed). */
    Parked of(long generation) {
        Set<String> parked = new HashSet<>();
        jdbc.query("SELECT DISTINCT " + schema.processingGroupColumn() + ", " + schema.sequenceIdentifierColumn()
                        + " FROM " + schema.deadLetterTable() + " WHERE " + schema.processingGroupColumn() + " LIKE ?",
                row -> {
                    String group = row.getString(1);
                    parked.add(group.substring(0, group.lastIndexOf('@')) + "/" + row.getString(2));
                }, "%@" + generation);
        return new Parked(generation, parked);
    }

    /** The parked sequences of one rebuild, as {@code group/aggregate}; those it commits are kept. */
    final class Parked {

        private final long generation;
        private final Set<String> committed;
        private final Set<String> pending = new HashSet<>();

        Parked(long generation, Set<String> committed) {
            this.generation = generation;
            this.committed = new HashSet<>(committed);
        }

        /** Whether events of {@code aggregate} are parked for {@code group}: a later one must wait behind them. */
        boolean holds(String group, String aggregate) {
            String key = group + "/" + aggregate;
            return committed.contains(key) || pending.contains(key);
        }

        /** Parks {@code event} behind its aggregate's parked events. */
        void behind(String group, String aggregate, EventMessage<?> event) {
            queue(group).enqueueIfPresent(aggregate, () -> new GenericDeadLetter<>(aggregate, event));
        }

        /** Parks {@code event}, which {@code group} could not apply, as the live processor's policy would. */
        void park(String group, String aggregate, EventMessage<?> event, Throwable cause) {
            DeadLetter<EventMessage<?>> letter = new GenericDeadLetter<>(aggregate, event, cause);
            EnqueueDecision<EventMessage<?>> decision = policy.decide(letter, cause);
            if (!decision.shouldEnqueue()) {
                throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
            }
            queue(group).enqueue(aggregate, letter.withCause(decision.enqueueCause().orElse(cause)));
            pending.add(group + "/" + aggregate);
        }

        void committed() {
            committed.addAll(pending);
            pending.clear();
        }

        void rolledBack() {
            pending.clear();
        }

        private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
            return queues.computeIfAbsent(groupOf(group, generation), name ->
                    JdbcSequencedDeadLetterQueue.<EventMessage<?>>builder()
                            .processingGroup(name)
                            .connectionProvider(connections)
                            .transactionManager(transactions)
                            .schema(schema)
                            .genericSerializer(serializer)
                            .eventSerializer(eventSerializer)
                            .build());
        }
    }
}
