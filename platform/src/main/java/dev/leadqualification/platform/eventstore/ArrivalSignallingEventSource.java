package dev.leadqualification.platform.eventstore;

import org.axonframework.common.Registration;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The event store as the source of the pooled streaming processors ({@code axon.eventhandling.processors.*.source}):
 * its streams are the store's, but they call the processor back when {@link EventArrivals} sees new events instead of
 * leaving it to look every 500 ms.
 */
public class ArrivalSignallingEventSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final EventStore eventStore;
    private final EventArrivals arrivals;

    public ArrivalSignallingEventSource(EventStore eventStore, EventArrivals arrivals) {
        this.eventStore = eventStore;
        this.arrivals = arrivals;
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new SignallingStream(eventStore.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return eventStore.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return eventStore.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return eventStore.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return eventStore.createTokenSince(duration);
    }

    private final class SignallingStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Registration callback;

        private SignallingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable onAvailable) {
            Registration previous = callback;
            if (previous != null) {
                previous.cancel();
            }
            callback = arrivals.onArrival(onAvailable);
            return true;
        }

        @Override
        public void close() {
            Registration registered = callback;
            if (registered != null) {
                registered.cancel();
            }
            delegate.close();
        }
    }
}
