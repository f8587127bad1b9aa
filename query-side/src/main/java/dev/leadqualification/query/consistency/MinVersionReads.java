package dev.leadqualification.query.consistency;

import dev.leadqualification.platform.web.ApiProblem;
import dev.leadqualification.platform.web.InvalidRequest;
import dev.leadqualification.platform.web.ProblemWriter;
import dev.leadqualification.query.readmodel.RecordIds;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * {@code ?minVersion=N} on a detail read: the record once its read model has applied version N (the version a
 * command answered with as {@code ETag}), waiting up to {@link #PATIENCE} for the projection to catch up;
 * otherwise 503 {@code not-yet-consistent} with {@code Retry-After}.
 * <p>
 * The wait does not hold a request thread: the answer is a future that a scheduler thread completes, looking at
 * the read model every {@link #POLL_INTERVAL}. A record the read model does not show yet is waited for too (a
 * qualify answer names records its saga creates a moment later); at the deadline it is 503 if the event store
 * has it, else 404.
 */
@Component
public class MinVersionReads implements DisposableBean {

    public static final String PARAMETER = "minVersion";
    public static final String NOT_YET_CONSISTENT = "not-yet-consistent";
    static final Duration PATIENCE = Duration.ofSeconds(5);
    static final Duration POLL_INTERVAL = Duration.ofMillis(50);
    static final String RETRY_AFTER_SECONDS = "1";

    private final EventStore eventStore;
    private final ScheduledExecutorService polls = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "min-version-reads");
        thread.setDaemon(true);
        return thread;
    });

    public MinVersionReads(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * The {@code what} (lead, account, ...) with this id as soon as {@code version} of it is at least
     * {@code minVersion} (the request parameter's text): 200 with the record, or 503 after {@link #PATIENCE}.
     * Throws the 400 for a {@code minVersion} that is not a whole number of 0 or more, and the 404 for an id that
     * names no record.
     */
    public <T> CompletableFuture<ResponseEntity<Object>> await(String what, String id, String minVersion,
                                                               Function<UUID, Optional<T>> finder,
                                                               ToLongFunction<T> version) {
        long wanted = parse(minVersion);
        UUID uuid = RecordIds.find(id, what, Optional::of);
        Wait<T> wait = new Wait<>(what, id, wanted, () -> finder.apply(uuid), version,
                () -> isStored(what, uuid.toString()));
        if (!wait.check(wait.read())) {
            polls.schedule(wait, POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
        return wait.answer;
    }

    /**
     * Refuses {@code minVersion} beside {@code asOf} (a 400): a past state is rebuilt from the event store, which
     * always has every version.
     */
    public static void refuseWithAsOf(String asOf) {
        if (asOf != null) {
            throw new InvalidRequest(PARAMETER, "cannot be combined with asOf: a past state is "
                    + "rebuilt from the event store, which always has every version");
        }
    }

    /** Whether the event store has a record of this kind (aggregate type) under this id. */
    private boolean isStored(String what, String id) {
        return eventStore.readEvents(id).asStream().findFirst()
                .map(event -> what.equalsIgnoreCase(event.getType()))
                .orElse(false);
    }

    @Override
    public void destroy() {
        polls.shutdownNow();
    }

    static long parse(String minVersion) {
        long wanted;
        try {
            wanted = Long.parseLong(minVersion.trim());
        } catch (NumberFormatException notANumber) {
            wanted = -1;
        }
        if (wanted < 0) {
            throw new InvalidRequest(PARAMETER, "must be a whole number of 0 or more (a version the record has reached)");
        }
        return wanted;
    }

    /** One waiting request: reads the record until it has the version, or the time is up. */
    private final class Wait<T> implements Runnable {

        private final String what;
        private final String id;
        private final long wanted;
        private final Supplier<Optional<T>> reader;
        private final ToLongFunction<T> version;
        private final BooleanSupplier stored;
        private final long deadline = System.nanoTime() + PATIENCE.toNanos();
        private final CompletableFuture<ResponseEntity<Object>> answer = new CompletableFuture<>();

        private Wait(String what, String id, long wanted, Supplier<Optional<T>> reader,
                     ToLongFunction<T> version, BooleanSupplier stored) {
            this.what = what;
            this.id = id;
            this.wanted = wanted;
            this.reader = reader;
            this.version = version;
            this.stored = stored;
        }

        Optional<T> read() {
            return reader.get();
        }

        /** Completes the answer when the record has the version; true when the answer is complete. */
        boolean check(Optional<T> record) {
            if (record.isPresent() && version.applyAsLong(record.get()) >= wanted) {
                answer.complete(ResponseEntity.ok(record.get()));
            } else if (System.nanoTime() - deadline >= 0) {
                if (record.isEmpty() && !stored.getAsBoolean()) {
                    answer.completeExceptionally(ApiProblem.notFound(what, id));
                } else {
                    answer.complete(notYetConsistent(record.map(version::applyAsLong).orElse(null)));
                }
            }
            return answer.isDone();
        }

        @Override
        public void run() {
            try {
                if (!answer.isDone() && !check(read())) {
                    polls.schedule(this, POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (RuntimeException | Error failure) {
                answer.completeExceptionally(failure);
            }
        }

        private ResponseEntity<Object> notYetConsistent(Long current) {
            Map<String, Object> extensions = new LinkedHashMap<>();
            extensions.put("minVersion", wanted);
            extensions.put("version", current);
            String shows = current == null ? "does not show it yet" : "shows version " + current;
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemWriter.problem(HttpStatus.SERVICE_UNAVAILABLE, NOT_YET_CONSISTENT,
                            "The query side has not reached version " + wanted + " of " + what + " " + id + " within "
                                    + PATIENCE.toSeconds() + " seconds: it " + shows + ". Try again shortly.",
                            extensions));
        }
    }
}
