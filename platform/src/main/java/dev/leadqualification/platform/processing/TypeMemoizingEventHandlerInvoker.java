package dev.leadqualification.platform.processing;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An event handler invoker that answers "is there a handler for this payload type" from memory, and asks the
 * invoker it wraps the rest.
 * <p>
 * Axon asks its invokers for every event, again and again: a pooled processor's coordinator whether the event's type
 * has a handler, each work package whether each processing group can handle the event (and, in a replay, whether the
 * group supports one), and once more before handling it; each answer is a stream over the group's annotated
 * handlers. In a replay of the query side those questions took 14% of its CPU (async-profiler), about as much as
 * the projections' own handlers. The handlers of an invoker are fixed once it is built, so the answers per payload
 * type, and whether it supports a reset, never change. A type without a handler means no handler for any event of
 * it (Axon's coordinator already drops such events before the work packages see them); for one with a handler the
 * wrapped invoker still decides, event by event, with its segment and sequencing policy.
 */
final class TypeMemoizingEventHandlerInvoker extends ForwardingEventHandlerInvoker {

    private final boolean supportsReset;
    private final Map<Class<?>, Boolean> handledTypes = new ConcurrentHashMap<>();

    TypeMemoizingEventHandlerInvoker(EventHandlerInvoker delegate) {
        super(delegate);
        this.supportsReset = delegate.supportsReset();
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        // a plain read first: computeIfAbsent may lock a bin even when the type is already there
        Boolean handled = handledTypes.get(payloadType);
        return handled != null ? handled : handledTypes.computeIfAbsent(payloadType, super::canHandleType);
    }

    @Override
    public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
        return canHandleType(eventMessage.getPayloadType()) && super.canHandle(eventMessage, segment);
    }

    @Override
    public boolean supportsReset() {
        return supportsReset;
    }
}
