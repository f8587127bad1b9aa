package dev.leadqualification.query.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * A subscriber for tests: records what it is sent; can hold its next send until released (a slow client), or
 * fail every send (a client that went away).
 */
final class RecordingSink implements EventSink {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final List<StreamEvent> events = new ArrayList<>();
    private final AtomicInteger heartbeats = new AtomicInteger();
    private final boolean failing;
    private volatile CountDownLatch gate;
    private volatile CountDownLatch holding = new CountDownLatch(0);
    private volatile boolean closed;

    private RecordingSink(boolean failing) {
        this.failing = failing;
    }

    static RecordingSink recording() {
        return new RecordingSink(false);
    }

    static RecordingSink failing() {
        return new RecordingSink(true);
    }

    @Override
    public void send(StreamEvent event) throws IOException {
        if (failing) {
            throw new IOException("Broken pipe");
        }
        CountDownLatch held = gate;
        if (held != null) {
            gate = null;
            holding.countDown();
            try {
                if (!held.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                    throw new IOException("held for too long");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        synchronized (events) {
            events.add(event);
        }
    }

    @Override
    public void heartbeat() throws IOException {
        if (failing) {
            throw new IOException("Broken pipe");
        }
        heartbeats.incrementAndGet();
    }

    @Override
    public void close() {
        closed = true;
    }

    /** The next send waits (before recording its event) until {@link #release()}. */
    CountDownLatch holdNextSend() {
        CountDownLatch release = new CountDownLatch(1);
        holding = new CountDownLatch(1);
        gate = release;
        return release;
    }

    /** Waits until a send is being held. */
    void awaitHeld() throws InterruptedException {
        if (!holding.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("no send was held within " + WAIT);
        }
    }

    List<Long> positions() {
        synchronized (events) {
            return events.stream().map(StreamEvent::position).toList();
        }
    }

    List<StreamEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** The positions received, once there are at least {@code count}. */
    List<Long> awaitPositions(int count) {
        await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> positions().size() >= count);
        return positions();
    }

    /** Waits until the last position received is {@code position}; answers all received. */
    List<Long> awaitUpTo(long position) {
        await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).until(() -> {
            List<Long> received = positions();
            return !received.isEmpty() && received.get(received.size() - 1) >= position;
        });
        return positions();
    }

    int heartbeats() {
        return heartbeats.get();
    }

    boolean closed() {
        return closed;
    }
}
