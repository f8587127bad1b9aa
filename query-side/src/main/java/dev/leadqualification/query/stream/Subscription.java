package dev.leadqualification.query.stream;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One subscriber of the stream. It first catches up: reads the store itself, a page at a time, from its resume
 * position up to the tail's position at the moment it subscribed. Meanwhile the tail hands it every newer event,
 * which it buffers. Once caught up it goes live: sends the buffered events, then each new one as it comes.
 * <p>
 * No gap and no repeat at that hand-over: the subscription is registered, and its catch-up target taken, under
 * the tail's lock, so each event is either at or below the target (read from the store) or handed over later
 * (buffered); and whatever is not above the last position sent is dropped. A subscriber that falls further
 * behind than its buffer holds (a slow client, a long catch-up) loses its buffer and catches up from the store
 * again, up to the tail's position at that moment; so memory stays bounded and nothing is lost.
 * <p>
 * One writer at a time sends to the sink, on the stream's writer executor: positions sent are strictly
 * increasing.
 */
final class Subscription {

    private final EventStream stream;
    private final Set<String> types;
    private final EventSink sink;
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean heartbeatDue = new AtomicBoolean();

    // guarded by this (and, where the tail's position is involved, by the stream's tail lock first)
    private final ArrayDeque<StreamEvent> pending = new ArrayDeque<>();
    private boolean live;
    private boolean overflowed;
    private boolean closed;
    private long catchUpTo;

    /** The writer's own: the last position sent (or passed over: resumed after, or filtered out). */
    private long delivered;

    Subscription(EventStream stream, long after, Set<String> types, EventSink sink) {
        this.stream = stream;
        this.delivered = after;
        this.types = Set.copyOf(types);
        this.sink = sink;
    }

    /** Called under the tail lock at registration: catch up to here, then take the handed-over events. */
    synchronized void catchUpTo(long tail) {
        catchUpTo = tail;
    }

    /** Called under the tail lock with each batch of new events, in order. */
    void offer(List<StreamEvent> events) {
        boolean wake;
        synchronized (this) {
            if (closed || overflowed) {
                return;
            }
            for (StreamEvent event : events) {
                if (!accepts(event)) {
                    continue;
                }
                if (pending.size() >= stream.bufferLimit()) {
                    overflowed = true;
                    pending.clear();
                    break;
                }
                pending.add(event);
            }
            wake = overflowed || live && !pending.isEmpty();
        }
        if (wake) {
            wakeWriter();
        }
    }

    void heartbeatDue() {
        heartbeatDue.set(true);
        wakeWriter();
    }

    /** Ends the stream for the subscriber (server stops, sending failed). */
    void close() {
        if (markClosed()) {
            stream.remove(this);
            sink.close();
        }
    }

    /** The subscriber went away (the response completed, failed or timed out). */
    void cancel() {
        if (markClosed()) {
            stream.remove(this);
        }
    }

    void wakeWriter() {
        if (writing.compareAndSet(false, true)) {
            try {
                stream.writers().execute(this::write);
            } catch (RejectedExecutionException stopped) {
                writing.set(false);
            }
        }
    }

    private boolean accepts(StreamEvent event) {
        return types.isEmpty() || types.contains(event.type());
    }

    private void write() {
        try {
            do {
                if (needsCatchUp()) {
                    catchUp();
                }
                drain();
                heartbeatIfDue();
                writing.set(false);
            } while (hasWork() && writing.compareAndSet(false, true));
        } catch (IOException | RuntimeException failure) {
            writing.set(false);
            stream.failed(this, failure);
            close();
        }
    }

    private void catchUp() throws IOException {
        long upTo;
        synchronized (this) {
            upTo = catchUpTo;
        }
        while (true) {
            copyFromStore(upTo);
            synchronized (stream.tailLock()) {
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    if (!overflowed) {
                        live = true;
                        return;
                    }
                    // The buffer overflowed: everything up to the tail's position now is in the store, and every
                    // later event will be handed over again.
                    overflowed = false;
                    live = false;
                    pending.clear();
                    upTo = stream.tailUnderLock();
                }
            }
        }
    }

    private void copyFromStore(long upTo) throws IOException {
        while (delivered < upTo && !isClosed()) {
            List<StreamEvent> page = stream.read(delivered, upTo, types);
            for (StreamEvent event : page) {
                send(event);
            }
            if (page.size() < stream.pageSize()) {
                delivered = upTo;
            }
            heartbeatIfDue();
        }
    }

    private void drain() throws IOException {
        while (true) {
            StreamEvent next;
            synchronized (this) {
                if (closed || overflowed || !live) {
                    return;
                }
                next = pending.poll();
            }
            if (next == null) {
                return;
            }
            send(next);
        }
    }

    private void send(StreamEvent event) throws IOException {
        if (event.position() > delivered) {
            sink.send(event);
            delivered = event.position();
        }
    }

    private void heartbeatIfDue() throws IOException {
        if (heartbeatDue.getAndSet(false) && !isClosed()) {
            sink.heartbeat();
        }
    }

    private synchronized boolean needsCatchUp() {
        return !closed && (!live || overflowed);
    }

    private synchronized boolean hasWork() {
        return !closed && (!live || overflowed || !pending.isEmpty() || heartbeatDue.get());
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private synchronized boolean markClosed() {
        if (closed) {
            return false;
        }
        closed = true;
        pending.clear();
        return true;
    }
}
