package dev.leadqualification.platform.eventstore;

import org.axonframework.common.Registration;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Tells listeners the moment new events are in the store, so that pooled streaming processors start on them at once.
 * <p>
 * Axon 4.13's pooled processor looks at an idle event stream every 500 ms unless the stream can call it back when
 * events arrive, and the embedded (JDBC) event store's streams cannot: that put up to half a second into every step
 * from a command to its saga and from the saga to the read models. One thread here tails the store through the
 * embedded store's shared reader (no queries of its own: it is woken by the events this process commits and by the
 * reader's {@code leads.event-store.fetch-delay} polling for those of other processes) and calls every listener when
 * events arrive. {@link ArrivalSignallingEventSource} gives the processors streams that register here.
 */
public class EventArrivals implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventArrivals.class);
    private static final long PAUSE_AFTER_FAILURE_MS = 1_000;

    private final EventStore eventStore;
    private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();
    private volatile Thread watcher;

    public EventArrivals(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Calls {@code listener} (on the watching thread: it must return quickly) whenever new events arrive. */
    public Registration onArrival(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::watch, "event-arrivals");
        thread.setDaemon(true);
        watcher = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = watcher;
        watcher = null;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return watcher != null;
    }

    private void watch() {
        BlockingStream<TrackedEventMessage<?>> stream = null;
        while (watcher == Thread.currentThread()) {
            try {
                if (stream == null) {
                    stream = eventStore.openStream(eventStore.createHeadToken());
                }
                if (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                    while (stream.hasNextAvailable()) {
                        stream.nextAvailable();
                    }
                    listeners.forEach(Runnable::run);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException failure) {
                // e.g. the database is unreachable: processors fall back to their own polling meanwhile
                log.debug("Watching for new events failed; trying again shortly", failure);
                close(stream);
                stream = null;
                if (!pause()) {
                    break;
                }
            }
        }
        close(stream);
    }

    private static boolean pause() {
        try {
            Thread.sleep(PAUSE_AFTER_FAILURE_MS);
            return true;
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void close(BlockingStream<?> stream) {
        if (stream != null) {
            stream.close();
        }
    }
}
