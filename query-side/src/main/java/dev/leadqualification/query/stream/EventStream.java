package dev.leadqualification.query.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every event of the store, oldest first, then live, to any number of subscribers.
 * <p>
 * One shared tail reader, not one polling query per subscriber: a single poller, woken when a transaction that
 * appended events commits (a database notification, from any instance; {@link #wake()}) and otherwise every
 * {@code leads.stream.poll-interval} (for a lost notification, and a gap that never fills), reads the positions after
 * the tail, lets the {@link GapTracker} decide how
 * far it may go (never past a position whose transaction may still commit), reads those events once, converts
 * each to its CloudEvents JSON once, and hands the batch to every subscriber. While nobody listens it only
 * follows the positions. A new subscriber catches up from its resume position with its own paged reads up to
 * the tail's position, then takes the hand-over ({@link Subscription}).
 * <p>
 * The tail starts {@value #START_WINDOW} positions below the newest event at start, so that a recent hole below
 * it (a transaction still committing) is waited for like any other.
 */
public class EventStream implements SmartLifecycle {

    static final long START_WINDOW = 1_000;
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);
    private static final Logger log = LoggerFactory.getLogger(EventStream.class);

    private final StoredEvents store;
    private final CloudEventWriter writer;
    private final EventStreamProperties properties;
    private final GapTracker gaps;
    private final AtomicLong polls = new AtomicLong();
    /** A poll has been asked for and has not started yet: further wake-ups until it starts add nothing. */
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();

    private final Object tailLock = new Object();
    /** Guarded by {@link #tailLock}. */
    private final Set<Subscription> subscriptions = new LinkedHashSet<>();
    /** Everything up to here has been handed to the subscribers. Guarded by {@link #tailLock}; set by the poller. */
    private long tail;

    private volatile boolean running;
    private boolean failing;
    private ScheduledExecutorService poller;
    private ExecutorService writers;

    EventStream(StoredEvents store, CloudEventWriter writer, EventStreamProperties properties) {
        this.store = store;
        this.writer = writer;
        this.properties = properties;
        this.gaps = new GapTracker(properties.gapTimeout());
    }

    /**
     * Streams the events after position {@code after} (exclusive; 0 for all), of the given types only unless
     * {@code types} is empty, to {@code sink} until the subscription is closed or cancelled.
     */
    public Subscription subscribe(long after, Set<String> types, EventSink sink) {
        Subscription subscription = new Subscription(this, after, types, sink);
        synchronized (tailLock) {
            if (!running) {
                throw new IllegalStateException("The event stream is not running");
            }
            subscriptions.add(subscription);
            subscription.catchUpTo(tail);
        }
        subscription.wakeWriter();
        return subscription;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        long start = 0;
        StoredEvents.Newest newest = store.newest();
        if (newest != null) {
            start = Math.max(0, newest.position() - START_WINDOW);
            gaps.seen(newest.position(), System.nanoTime() - ageNanos(newest.timestamp()));
        }
        synchronized (tailLock) {
            tail = start;
        }
        writers = Executors.newCachedThreadPool(threads("event-stream-writer-"));
        poller = Executors.newSingleThreadScheduledExecutor(threads("event-stream-tail-"));
        running = true;
        poller.scheduleWithFixedDelay(this::poll, 0, properties.pollInterval().toNanos(), TimeUnit.NANOSECONDS);
        long heartbeat = properties.heartbeat().toNanos();
        poller.scheduleAtFixedRate(this::heartbeat, heartbeat, heartbeat, TimeUnit.NANOSECONDS);
    }

    @Override
    public void stop() {
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            poller.shutdownNow();
        }
        List<Subscription> open;
        synchronized (tailLock) {
            open = new ArrayList<>(subscriptions);
        }
        open.forEach(Subscription::close);
        writers.shutdownNow();
        try {
            // let a read in progress end before the data source closes
            poller.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Events may have been committed: the tail looks now instead of at its next scheduled poll. */
    public void wake() {
        synchronized (this) {
            if (running && wakeUpPending.compareAndSet(false, true)) {
                poller.execute(this::poll);
            }
        }
    }

    private void poll() {
        wakeUpPending.set(false);
        try {
            boolean more;
            do {
                more = pollOnce();
            } while (more && running);
            if (failing) {
                failing = false;
                log.info("The event stream reads the event store again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn("The event stream could not read the event store; it keeps trying", e);
            }
        }
    }

    /** One step of the tail: answers whether more events are waiting right away. */
    private boolean pollOnce() {
        polls.incrementAndGet();
        long from = tailPosition();
        long[] positions = store.positionsAfter(from, properties.pageSize());
        long upTo = gaps.deliverableUpTo(from, positions, System.nanoTime());
        if (upTo == from) {
            return false;
        }
        boolean more = positions.length == properties.pageSize() && upTo == positions[positions.length - 1];
        synchronized (tailLock) {
            if (subscriptions.isEmpty()) {
                tail = upTo;
                return more;
            }
        }
        // Read outside the lock; a subscriber that joins meanwhile catches up to the old tail and gets this batch.
        List<StreamEvent> events = store.read(from, upTo, List.of(), Integer.MAX_VALUE, writer::write);
        synchronized (tailLock) {
            for (Subscription subscription : subscriptions) {
                subscription.offer(events);
            }
            tail = upTo;
        }
        return more;
    }

    private void heartbeat() {
        List<Subscription> open;
        synchronized (tailLock) {
            open = new ArrayList<>(subscriptions);
        }
        open.forEach(Subscription::heartbeatDue);
    }

    List<StreamEvent> read(long after, long upTo, Set<String> types) {
        return store.read(after, upTo, types, properties.pageSize(), writer::write);
    }

    void remove(Subscription subscription) {
        synchronized (tailLock) {
            subscriptions.remove(subscription);
        }
    }

    void failed(Subscription subscription, Exception failure) {
        log.debug("An event stream subscriber is closed: {}", failure.toString());
    }

    Object tailLock() {
        return tailLock;
    }

    /** The tail's position; the caller holds {@link #tailLock()}. */
    long tailUnderLock() {
        return tail;
    }

    ExecutorService writers() {
        return writers;
    }

    int pageSize() {
        return properties.pageSize();
    }

    int bufferLimit() {
        return properties.subscriberBuffer();
    }

    /** Up to where every event has been handed to the subscribers. */
    long tailPosition() {
        synchronized (tailLock) {
            return tail;
        }
    }

    int subscriberCount() {
        synchronized (tailLock) {
            return subscriptions.size();
        }
    }

    /** How often the tail has looked for new events. */
    long polls() {
        return polls.get();
    }

    /** How long ago the newest event was stored, at most the gap timeout; 0 if its time is unreadable. */
    private long ageNanos(String timestamp) {
        try {
            Duration age = Duration.between(CloudEventWriter.time(timestamp).toInstant(), Instant.now());
            return age.isNegative() ? 0 : age.compareTo(properties.gapTimeout()) > 0
                    ? properties.gapTimeout().toNanos() : age.toNanos();
        } catch (RuntimeException unreadable) {
            return 0;
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
