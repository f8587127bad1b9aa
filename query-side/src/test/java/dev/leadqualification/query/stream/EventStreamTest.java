package dev.leadqualification.query.stream;

import com.zaxxer.hikari.HikariDataSource;
import dev.leadqualification.platform.testing.FreshDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stream over a real event store table (a fresh PostgreSQL database per test), rows written with plain JDBC
 * so that transactions can be held open: catch-up, live fan-out, the hand-over between them, gaps left by late
 * or rolled-back transactions, heartbeats and failing subscribers.
 */
class EventStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String LEAD_CREATED = "dev.leadqualification.kernel.lead.LeadCreated";
    private static final String NOTE_ADDED = "dev.leadqualification.kernel.lead.NoteAdded";

    private final List<EventStream> streams = new ArrayList<>();
    private final List<HikariDataSource> dataSources = new ArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();
    private HikariDataSource dataSource;

    @AfterEach
    void stop() {
        streams.forEach(EventStream::stop);
        dataSources.forEach(HikariDataSource::close);
    }

    @Test
    void sendsEveryStoredEventInOrderThenTheNewOnes() throws Exception {
        EventStream stream = stream(settings());
        List<Long> stored = List.of(append(LEAD_CREATED), append(NOTE_ADDED), append(LEAD_CREATED));
        RecordingSink sink = RecordingSink.recording();

        stream.subscribe(0, Set.of(), sink);
        assertThat(sink.awaitPositions(3)).isEqualTo(stored);
        long fourth = append(NOTE_ADDED);
        long fifth = append(LEAD_CREATED);

        assertThat(sink.awaitUpTo(fifth)).containsExactly(stored.get(0), stored.get(1), stored.get(2), fourth, fifth);
        assertThat(sink.events().get(1).type()).isEqualTo("NoteAdded");
        assertThat(sink.events().get(1).json()).contains("\"position\":" + stored.get(1));
    }

    @Test
    void resumesAfterTheGivenPositionAndFiltersByType() throws Exception {
        EventStream stream = stream(settings());
        long first = append(LEAD_CREATED);
        long second = append(NOTE_ADDED);
        long third = append(LEAD_CREATED);
        long fourth = append(NOTE_ADDED);
        RecordingSink resumed = RecordingSink.recording();
        RecordingSink notes = RecordingSink.recording();

        stream.subscribe(second, Set.of(), resumed);
        stream.subscribe(first, Set.of("NoteAdded"), notes);
        long fifth = append(NOTE_ADDED);
        long sixth = append(LEAD_CREATED);

        assertThat(resumed.awaitUpTo(sixth)).containsExactly(third, fourth, fifth, sixth);
        assertThat(notes.awaitUpTo(fifth)).containsExactly(second, fourth, fifth);
        append(NOTE_ADDED);
        long last = append(NOTE_ADDED);
        assertThat(notes.awaitUpTo(last)).doesNotContain(sixth).hasSize(5);
    }

    @Test
    void handsOverFromCatchUpToLiveWithoutGapOrRepeat() throws Exception {
        EventStream stream = stream(settings());
        List<Long> expected = new ArrayList<>(appendMany(5));
        awaitTail(stream, last(expected));
        RecordingSink sink = RecordingSink.recording();

        catchUpWhileTheTailMovesOn(stream, sink, expected);

        expected.add(append(LEAD_CREATED));
        assertThat(sink.awaitUpTo(last(expected))).isEqualTo(expected);
    }

    @Test
    void aSubscriberThatFallsBehindItsBufferReadsFromTheStoreAgain() throws Exception {
        EventStream stream = stream(settings().buffer(2));
        List<Long> expected = new ArrayList<>(appendMany(3));
        awaitTail(stream, last(expected));
        RecordingSink sink = RecordingSink.recording();

        // behind during its catch-up
        catchUpWhileTheTailMovesOn(stream, sink, expected);

        // behind while live
        CountDownLatch release = sink.holdNextSend();
        expected.add(append(LEAD_CREATED));
        sink.awaitHeld();
        expected.addAll(appendMany(5));
        awaitTail(stream, last(expected));
        release.countDown();
        assertThat(sink.awaitUpTo(last(expected))).isEqualTo(expected);
    }

    /**
     * Subscribes from the start with the first send held, so that five newer events reach the subscriber through
     * the tail while it is still catching up; then lets it go on and checks it got exactly {@code expected} and
     * the newer ones.
     */
    private void catchUpWhileTheTailMovesOn(EventStream stream, RecordingSink sink, List<Long> expected)
            throws Exception {
        CountDownLatch release = sink.holdNextSend();
        stream.subscribe(0, Set.of(), sink);
        sink.awaitHeld();
        expected.addAll(appendMany(5));
        awaitTail(stream, last(expected));
        release.countDown();
        assertThat(sink.awaitUpTo(last(expected))).isEqualTo(expected);
    }

    /** A subscriber from the start that has received everything up to {@code position}. */
    private static RecordingSink subscribedUpTo(EventStream stream, long position) {
        RecordingSink sink = RecordingSink.recording();
        stream.subscribe(0, Set.of(), sink);
        sink.awaitUpTo(position);
        return sink;
    }

    private static long last(List<Long> positions) {
        return positions.get(positions.size() - 1);
    }

    @Test
    void aResumePositionAheadOfTheTailIsRespected() throws Exception {
        EventStream stream = stream(settings());
        long first = append(LEAD_CREATED);
        awaitTail(stream, first);
        RecordingSink sink = RecordingSink.recording();

        stream.subscribe(first + 2, Set.of(), sink);
        long second = append(LEAD_CREATED);
        long third = append(LEAD_CREATED);
        long fourth = append(LEAD_CREATED);

        assertThat(second).isEqualTo(first + 1);
        assertThat(sink.awaitUpTo(fourth)).containsExactly(fourth);
        assertThat(third).isEqualTo(first + 2);
    }

    @Test
    void neverDeliversPastAPositionWhoseTransactionHasNotCommitted() throws Exception {
        EventStream stream = stream(settings().gapTimeout(Duration.ofMinutes(5)));
        long before = append(LEAD_CREATED);
        RecordingSink live = subscribedUpTo(stream, before);

        try (Connection late = dataSource.getConnection()) {
            late.setAutoCommit(false);
            long n = insert(late, LEAD_CREATED, Instant.now());
            long next = append(NOTE_ADDED);
            assertThat(next).isEqualTo(n + 1);
            // n + 1 is committed and seen by the tail several times over, n is not yet visible
            long polls = stream.polls();
            await().atMost(WAIT).until(() -> stream.polls() >= polls + 3);
            assertThat(live.positions()).containsExactly(before);
            assertThat(stream.tailPosition()).isEqualTo(before);
            RecordingSink joining = subscribedUpTo(stream, before);

            late.commit();

            assertThat(live.awaitUpTo(next)).containsExactly(before, n, next);
            assertThat(joining.awaitUpTo(next)).containsExactly(before, n, next);
        }
    }

    @Test
    void aPositionThatStaysMissingHoldsTheStreamBackOnlyForTheGapTimeout() throws Exception {
        EventStream stream = stream(settings().gapTimeout(Duration.ofMillis(300)));
        long before = append(LEAD_CREATED);
        RecordingSink sink = subscribedUpTo(stream, before);

        long rolledBack = rolledBackInsert();
        long after = append(LEAD_CREATED);

        assertThat(after).isEqualTo(rolledBack + 1);
        assertThat(sink.awaitUpTo(after)).containsExactly(before, after);
    }

    @Test
    void anOldHoleDoesNotHoldTheStreamBackAfterAStart() throws Exception {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        dataSource = database();
        long first = append(LEAD_CREATED, anHourAgo);
        rolledBackInsert();
        long third = append(LEAD_CREATED, anHourAgo);
        EventStream stream = start(settings().gapTimeout(Duration.ofMinutes(5)));
        RecordingSink sink = RecordingSink.recording();
        stream.subscribe(0, Set.of(), sink);

        long fourth = append(LEAD_CREATED);

        assertThat(sink.awaitUpTo(fourth)).containsExactly(first, third, fourth);
    }

    @Test
    void sendsHeartbeatsToIdleSubscribers() {
        EventStream stream = stream(settings().heartbeat(Duration.ofMillis(50)));
        RecordingSink sink = RecordingSink.recording();

        stream.subscribe(0, Set.of(), sink);

        await().atMost(WAIT).until(() -> sink.heartbeats() >= 3);
        assertThat(sink.positions()).isEmpty();
    }

    @Test
    void aSubscriberThatFailsIsRemovedAndTheOthersGoOn() throws Exception {
        EventStream stream = stream(settings());
        long first = append(LEAD_CREATED);
        RecordingSink broken = RecordingSink.failing();
        RecordingSink working = RecordingSink.recording();

        stream.subscribe(0, Set.of(), broken);
        stream.subscribe(0, Set.of(), working);
        long second = append(LEAD_CREATED);

        assertThat(working.awaitUpTo(second)).containsExactly(first, second);
        await().atMost(WAIT).until(() -> stream.subscriberCount() == 1);
        assertThat(broken.closed()).isTrue();
        assertThat(working.closed()).isFalse();
    }

    @Test
    void aCancelledSubscriberIsRemovedAndStoppingClosesTheRest() {
        EventStream stream = stream(settings());
        RecordingSink leaving = RecordingSink.recording();
        RecordingSink staying = RecordingSink.recording();
        Subscription subscription = stream.subscribe(0, Set.of(), leaving);
        stream.subscribe(0, Set.of(), staying);

        subscription.cancel();
        assertThat(stream.subscriberCount()).isEqualTo(1);
        stream.stop();

        assertThat(stream.subscriberCount()).isZero();
        assertThat(staying.closed()).isTrue();
        assertThat(leaving.closed()).isFalse();
    }

    @Test
    void oneTailReadServesEveryLiveSubscriber() throws Exception {
        EventStream stream = stream(settings());
        long first = append(LEAD_CREATED);
        List<RecordingSink> sinks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            RecordingSink sink = RecordingSink.recording();
            sinks.add(sink);
            stream.subscribe(0, Set.of(), sink);
        }
        sinks.forEach(sink -> sink.awaitUpTo(first));
        // every subscriber is live once one more event reached each of them through the tail
        long second = append(LEAD_CREATED);
        sinks.forEach(sink -> sink.awaitUpTo(second));

        reads.set(0);
        for (int i = 0; i < 5; i++) {
            long next = append(LEAD_CREATED);
            sinks.forEach(sink -> sink.awaitUpTo(next));
        }

        assertThat(reads.get()).isLessThanOrEqualTo(5);
        assertThat(sinks).allSatisfy(sink -> assertThat(sink.positions()).hasSize(7).isSorted().doesNotHaveDuplicates());
    }

    private Settings settings() {
        return new Settings(Duration.ofSeconds(30), Duration.ofSeconds(10), 10_000, 2);
    }

    /** Test settings: quick polls, small pages (so paging is exercised), the rest as the test says. */
    private record Settings(Duration heartbeat, Duration gapTimeout, int buffer, int pageSize) {
        Settings buffer(int events) {
            return new Settings(heartbeat, gapTimeout, events, pageSize);
        }

        Settings gapTimeout(Duration timeout) {
            return new Settings(heartbeat, timeout, buffer, pageSize);
        }

        Settings heartbeat(Duration interval) {
            return new Settings(interval, gapTimeout, buffer, pageSize);
        }

        EventStreamProperties properties() {
            return new EventStreamProperties(heartbeat, Duration.ofMillis(20), gapTimeout, pageSize, buffer);
        }
    }

    /** A stream over a new, empty event store. */
    private EventStream stream(Settings settings) {
        dataSource = database();
        return start(settings);
    }

    private EventStream start(Settings settings) {
        StoredEvents store = new StoredEvents(dataSource) {
            @Override
            <T> List<T> read(long after, long upTo, Collection<String> types, int limit, Function<StoredEvent, T> convert) {
                reads.incrementAndGet();
                return super.read(after, upTo, types, limit, convert);
            }
        };
        EventStream stream = new EventStream(store, new CloudEventWriter(CloudEventWriterTest.MAPPER), settings.properties());
        streams.add(stream);
        stream.start();
        return stream;
    }

    private HikariDataSource database() {
        FreshDatabase database = FreshDatabase.create("stream");
        Flyway.configure().dataSource(database.jdbcUrl(), FreshDatabase.USER, FreshDatabase.PASSWORD)
                .locations("classpath:db/eventstore").table("flyway_history_event_store").load().migrate();
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(database.jdbcUrl());
        pool.setUsername(FreshDatabase.USER);
        pool.setPassword(FreshDatabase.PASSWORD);
        pool.setMaximumPoolSize(8);
        dataSources.add(pool);
        return pool;
    }

    private static void awaitTail(EventStream stream, long position) {
        await().atMost(WAIT).until(() -> stream.tailPosition() >= position);
    }

    private List<Long> appendMany(int count) throws SQLException {
        List<Long> positions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            positions.add(append(i % 2 == 0 ? LEAD_CREATED : NOTE_ADDED));
        }
        return positions;
    }

    private long append(String payloadType) throws SQLException {
        return append(payloadType, Instant.now());
    }

    /** Appends one event in its own transaction; answers its position. */
    private long append(String payloadType, Instant time) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return insert(connection, payloadType, time);
        }
    }

    /** Takes a position in a transaction that rolls back: that position stays missing for ever. */
    private long rolledBackInsert() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long position = insert(connection, LEAD_CREATED, Instant.now());
            connection.rollback();
            connection.setAutoCommit(true);
            return position;
        }
    }

    private static long insert(Connection connection, String payloadType, Instant time) throws SQLException {
        String aggregateId = UUID.randomUUID().toString();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry (aggregate_identifier,"
                + " sequence_number, type, event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)"
                + " VALUES (?, 0, 'Lead', ?, ?, ?, NULL, ?, ?) RETURNING global_index")) {
            insert.setString(1, aggregateId);
            insert.setString(2, UUID.randomUUID().toString());
            insert.setBytes(3, "{\"actor\":\"sam\",\"correlationId\":\"c-1\"}".getBytes());
            insert.setBytes(4, ("{\"leadId\":\"" + aggregateId + "\"}").getBytes());
            insert.setString(5, payloadType);
            insert.setString(6, time.toString());
            try (ResultSet key = insert.executeQuery()) {
                key.next();
                return key.getLong(1);
            }
        }
    }
}
