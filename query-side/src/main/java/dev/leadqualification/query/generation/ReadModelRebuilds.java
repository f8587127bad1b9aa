package dev.leadqualification.query.generation;

import dev.leadqualification.platform.instances.LiveInstances;
import dev.leadqualification.platform.notifications.DatabaseNotifications;
import dev.leadqualification.platform.web.ApiProblem;
import dev.leadqualification.query.readmodel.ProjectionConfiguration;
import dev.leadqualification.query.readmodel.ProjectionWrites;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.springboot.TokenStoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Replays without downtime: a rebuild builds the next generation of the read models beside the live one
 * ({@link Rebuild}), then every query-side instance switches to it at once and the old one is dropped.
 * <p>
 * Exactly one rebuild: the request records a {@code BUILDING} generation, of which the table holds at most one (a
 * second request, on any instance, is 409 {@value #IN_PROGRESS}); the instance building holds an advisory lock
 * ({@link #BUILD_LOCK}) on a connection of its own for as long as it builds. When that instance dies (even
 * {@code kill -9}), its sessions close, the lock goes, and whichever instance looks next (each does every
 * {@link #LOOK_EVERY}, and at start) finds a rebuild whose builder is no longer among the live instances and resumes it
 * from the last batch it committed ({@code attempt} and {@code resumedFrom} in the status say so). The live generation
 * is never touched by a rebuild.
 * <p>
 * The switch: the builder takes the switch lock ({@link #SWITCH_LOCK}) and notifies {@value #CHANNEL}; every instance
 * stops its live processor (releasing its segments) until the lock is free again. Reads go on from the live generation
 * meanwhile. Once no segment is held, the builder reads the events appended since its last pass, then in one
 * transaction hands the token it reached to every segment of the live processor and makes its generation live. Every
 * connection handed out after that commit, on any instance, reads the new generation ({@link GenerationRouting}); the
 * processors start again from the handed token, in the new generation, without a gap or a repeat. The old generation
 * is dropped {@link #DROP_AFTER} later, when no read that began before the switch can still be reading it.
 */
@Component
public class ReadModelRebuilds implements SmartInitializingSingleton, DisposableBean {

    public static final String IN_PROGRESS = "replay-in-progress";
    /** The channel on which the builder asks every instance to stop its live processor for the switch. */
    static final String CHANNEL = "projection_replay";
    /** Arbitrary but fixed advisory lock keys: held by the instance building, and by it while it switches. */
    static final long BUILD_LOCK = 0x4C51_5245_504CL;
    static final long SWITCH_LOCK = 0x4C51_5357_4954L;
    static final Duration LOOK_EVERY = Duration.ofSeconds(2);
    /** How long the others may take to finish their batch and release their segments before a switch. */
    static final Duration RELEASE_WAIT = Duration.ofSeconds(30);
    static final Duration DROP_AFTER = Duration.ofSeconds(5);
    private static final Duration FOLLOW_POLL = Duration.ofMillis(100);

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilds.class);

    private final Generations generations;
    private final ProjectionHandlers projections;
    private final ProjectionWrites writes;
    private final EventStorageEngine store;
    private final EventProcessingConfiguration processing;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final LiveInstances instances;
    private final EventSchema events;
    private final TokenSchema tokens;
    private final double claimTimeoutSeconds;
    private final int batchSize;
    private final RebuildDeadLetters deadLetters;
    private final AtomicBoolean building = new AtomicBoolean();
    private final AtomicBoolean following = new AtomicBoolean();
    private final ScheduledExecutorService work = Executors.newScheduledThreadPool(3, runnable -> {
        Thread thread = new Thread(runnable, "read-model-generations");
        thread.setDaemon(true);
        return thread;
    });

    public ReadModelRebuilds(Generations generations, ProjectionHandlers projections, ProjectionWrites writes,
                             EventStorageEngine store, EventProcessingConfiguration processing, DataSource dataSource,
                             JdbcTemplate jdbc, PlatformTransactionManager transactionManager, LiveInstances instances,
                             EventSchema events, TokenSchema tokens, TokenStoreProperties tokenStore,
                             DatabaseNotifications notifications, RebuildDeadLetters deadLetters,
                             @Value("${leads.replay.batch-size}") int batchSize) {
        this.deadLetters = deadLetters;
        this.generations = generations;
        this.projections = projections;
        this.writes = writes;
        this.store = store;
        this.processing = processing;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.instances = instances;
        this.events = events;
        this.tokens = tokens;
        this.claimTimeoutSeconds = tokenStore.getClaimTimeout().toMillis() / 1000.0;
        this.batchSize = batchSize;
        notifications.listen(CHANNEL, switchingInstance -> {
            if (switchingInstance != null && !switchingInstance.equals(self())) {
                work.execute(this::followSwitch);
            }
        });
    }

    /** Connections are pointed at a generation from now on, before any processor starts; then look every few s. */
    @Override
    public void afterSingletonsInstantiated() {
        try {
            dataSource.unwrap(GenerationRouting.class).start();
        } catch (SQLException e) {
            throw new IllegalStateException("The query side's data source does not route to generations", e);
        }
        work.scheduleWithFixedDelay(this::look, 0, LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        work.shutdownNow();
    }

    /** Starts a rebuild on this instance; 409 {@value #IN_PROGRESS} while one runs (asked of any instance). */
    public void request() {
        Generation generation;
        try {
            generation = transactions.execute(status -> generations.begin(self()));
        } catch (DuplicateKeyException running) {
            throw new ApiProblem(HttpStatus.CONFLICT, IN_PROGRESS, "A replay of the projections is in progress: the"
                    + " next generation of the read models is being built. Follow it at GET /api/admin/projections"
                    + " and try again once it has gone live.");
        }
        log.info("Rebuilding the read models as generation {} beside the live one", generation.number());
        work.execute(() -> build(generation));
    }

    /** Every few seconds: resume a rebuild whose builder died, start one for a newer read-model shape, drop the old. */
    private void look() {
        try {
            Optional<Generation> rebuild = generations.building();
            if (rebuild.isPresent()) {
                if (!instances.names().contains(rebuild.get().builder()) && !building.get()) {
                    work.execute(() -> resume(rebuild.get()));
                }
            } else if (generations.live().schemaVersion() < ReadModelSchema.VERSION) {
                log.info("The live read models have shape {}, this version reads shape {}: rebuilding them",
                        generations.live().schemaVersion(), ReadModelSchema.VERSION);
                request();
            }
            if (!following.get() && liveProcessor().isRunning()) {
                startIfOurShape(liveProcessor());
            }
            dropAbandoned();
        } catch (ApiProblem alreadyRunning) {
            // another instance began the rebuild at the same moment
        } catch (RuntimeException failure) {
            log.warn("Could not look after the read-model generations: {}", failure.toString());
        }
    }

    private void resume(Generation generation) {
        holdingTheBuildLock(generation, () -> {
            Generation current = generations.building().orElse(null);
            if (current == null || current.number() != generation.number()
                    || instances.names().contains(current.builder())) {
                return;
            }
            Generation resumed = transactions.execute(status -> generations.resume(current, self()));
            log.info("Resuming the rebuild of generation {} from position {} (its builder {} is gone)",
                    resumed.number(), resumed.position(), current.builder());
            run(resumed);
        });
    }

    private void build(Generation generation) {
        holdingTheBuildLock(generation, () -> run(generation));
    }

    /**
     * Runs {@code work} unless this instance builds already or another holds the build lock. The lock is a session's:
     * released here before its connection goes back to the pool, and by the server when the instance dies.
     */
    private void holdingTheBuildLock(Generation generation, Runnable work) {
        if (!building.compareAndSet(false, true)) {
            return;
        }
        try (Connection lock = dataSource.getConnection()) {
            if (!tryLock(lock, BUILD_LOCK)) {
                log.info("Generation {} is being built by another instance", generation.number());
                return;
            }
            try {
                work.run();
            } finally {
                unlock(lock, BUILD_LOCK);
            }
        } catch (SQLException | RuntimeException failure) {
            log.warn("Could not build generation {}: {}", generation.number(), failure.toString());
        } finally {
            building.set(false);
        }
    }

    /** Builds {@code generation} to the head and switches to it, holding the build lock. */
    private void run(Generation generation) {
        Rebuild rebuild = new Rebuild(generation, self(), store, transactions, generations, writes, projections,
                this::headPosition, batchSize, deadLetters);
        try {
            Generation.Phase phase = generation.phase();
            while (true) {
                if (!rebuild.pass()) {
                    log.info("Generation {} is being built by another instance now", generation.number());
                    return;
                }
                // close to the head (two batches): build the indexes, then switch
                if (rebuild.lag() > 2L * batchSize) {
                    continue;
                }
                if (phase == Generation.Phase.LOADING || phase == Generation.Phase.INDEXING) {
                    long loaded = System.nanoTime();
                    log.info("Generation {} has loaded the store up to position {}; building its indexes",
                            generation.number(), rebuild.position());
                    rebuild.buildIndexes();
                    log.info("Generation {}: indexes built in {} s", generation.number(),
                            (System.nanoTime() - loaded) / 1_000_000_000);
                    phase = Generation.Phase.CATCHING_UP;
                } else if (switchTo(generation, rebuild)) {
                    return;
                }
            }
        } catch (RuntimeException failure) {
            log.error("Rebuilding generation {} failed; the live generation stays", generation.number(), failure);
            transactions.executeWithoutResult(status -> generations.fail(generation, failure.toString()));
        }
    }

    /** The switch (see the class comment); false if an instance kept its segments: the rebuild goes on and tries again. */
    private boolean switchTo(Generation generation, Rebuild rebuild) {
        StreamingEventProcessor processor = liveProcessor();
        try (Connection lock = dataSource.getConnection()) {
            if (!tryLock(lock, SWITCH_LOCK)) {
                return false;
            }
            try {
                transactions.executeWithoutResult(status -> generations.phase(generation, Generation.Phase.SWITCHING));
                jdbc.queryForObject("SELECT pg_notify(?, ?)", Object.class, CHANNEL, self());
                processor.shutDown();
                try {
                    if (!segmentsReleased()) {
                        log.info("A query-side instance kept its segments; switching to generation {} later",
                                generation.number());
                        transactions.executeWithoutResult(status ->
                                generations.phase(generation, Generation.Phase.CATCHING_UP));
                        return false;
                    }
                    if (!rebuild.pass()) {
                        return true;
                    }
                    boolean switched = Boolean.TRUE.equals(transactions.execute(status -> {
                        boolean handedOver = generations.switchTo(generation, ProjectionConfiguration.PROCESSOR,
                                rebuild.token(), projections.groups());
                        if (!handedOver) {
                            status.setRollbackOnly();
                        }
                        return handedOver;
                    }));
                    if (switched) {
                        log.info("Generation {} of the read models is live (position {})", generation.number(),
                                rebuild.position());
                    }
                    return switched;
                } finally {
                    processor.start();
                }
            } finally {
                unlock(lock, SWITCH_LOCK);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the switch lock: " + e.getMessage(), e);
        }
    }

    /** Whether every segment of the live processor is free (released, or its claim expired), waiting a while. */
    private boolean segmentsReleased() {
        long deadline = System.nanoTime() + RELEASE_WAIT.toNanos();
        String held = "SELECT count(*) FROM " + tokens.tokenTable() + " WHERE " + tokens.processorNameColumn()
                + " = ? AND " + tokens.ownerColumn() + " IS NOT NULL AND CAST(" + tokens.timestampColumn()
                + " AS timestamptz) > now() - make_interval(secs => ?)";
        while (jdbc.queryForObject(held, Integer.class, ProjectionConfiguration.PROCESSOR, claimTimeoutSeconds) > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause(FOLLOW_POLL);
        }
        return true;
    }

    /**
     * On another instance's switch: stop the live processor until that instance has switched (or died), then start it
     * again, provided the live generation has the shape this version's projections write.
     */
    private void followSwitch() {
        if (!following.compareAndSet(false, true)) {
            return;
        }
        StreamingEventProcessor processor = liveProcessor();
        try {
            log.info("Another instance switches the read models to a new generation: stopping [{}] meanwhile",
                    processor.getName());
            processor.shutDown();
            while (switchLockHeld()) {
                pause(FOLLOW_POLL);
            }
            startIfOurShape(processor);
        } finally {
            following.set(false);
        }
    }

    /**
     * The live processor runs only where the live generation has the shape this version's projections write: an
     * instance of a newer version waits for the generation it builds, an older one is to be replaced.
     */
    private void startIfOurShape(StreamingEventProcessor processor) {
        int live = generations.live().schemaVersion();
        if (live == ReadModelSchema.VERSION) {
            if (!processor.isRunning()) {
                processor.start();
            }
        } else if (processor.isRunning()) {
            log.warn("The live read models have shape {}, this version writes shape {}: [{}] stays stopped", live,
                    ReadModelSchema.VERSION, processor.getName());
            processor.shutDown();
        }
    }

    /** Drops generations no longer read, once no read begun before the switch can still be reading them. */
    private void dropAbandoned() {
        Boolean settled = jdbc.queryForObject("SELECT coalesce(bool_and(live_since < now() - make_interval(secs => ?)),"
                + " false) FROM read_model_generation WHERE state = 'LIVE'", Boolean.class, DROP_AFTER.toSeconds());
        if (!Boolean.TRUE.equals(settled)) {
            return;
        }
        for (Generation abandoned : generations.abandoned()) {
            transactions.executeWithoutResult(status -> {
                if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class,
                        BUILD_LOCK + abandoned.number()))) {
                    generations.drop(abandoned);
                    log.info("Dropped generation {} of the read models", abandoned.number());
                }
            });
        }
    }

    private StreamingEventProcessor liveProcessor() {
        return processing.eventProcessor(ProjectionConfiguration.PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("No processor " + ProjectionConfiguration.PROCESSOR));
    }

    /** The global index of the last event in the store, 0 when it is empty. */
    private long headPosition() {
        Long head = jdbc.queryForObject("SELECT max(" + events.globalIndexColumn() + ") FROM "
                + events.domainEventTable(), Long.class);
        return head == null ? 0 : head;
    }

    private boolean switchLockHeld() {
        try (Connection connection = dataSource.getConnection()) {
            if (tryLock(connection, SWITCH_LOCK)) {
                unlock(connection, SWITCH_LOCK);
                return false;
            }
            return true;
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not look at the switch lock; starting the processor again", e);
            return false;
        }
    }

    private String self() {
        return instances.self().name();
    }

    private static boolean tryLock(Connection connection, long key) throws SQLException {
        return query(connection, "SELECT pg_try_advisory_lock(" + key + ")");
    }

    private static void unlock(Connection connection, long key) throws SQLException {
        query(connection, "SELECT pg_advisory_unlock(" + key + ")");
    }

    private static boolean query(Connection connection, String sql) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            return result.next() && result.getBoolean(1);
        }
    }

    private static void pause(Duration duration) {
        try {
            TimeUnit.NANOSECONDS.sleep(duration.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
