package dev.leadqualification.platform.processing;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * An event handler invoker that tells, as a work package of a pooled processor starts handling a batch (the first
 * event it handles in a unit of work), that it has just taken that batch off its queue.
 */
final class BatchStartSignallingInvoker extends ForwardingEventHandlerInvoker {

    private static final String SIGNALLED = BatchStartSignallingInvoker.class.getName() + ".signalled";

    private final Runnable onBatchStart;

    BatchStartSignallingInvoker(EventHandlerInvoker delegate, Runnable onBatchStart) {
        super(delegate);
        this.onBatchStart = onBatchStart;
    }

    @Override
    public void handle(EventMessage<?> message, Segment segment) throws Exception {
        CurrentUnitOfWork.ifStarted(unitOfWork -> {
            if (unitOfWork.resources().putIfAbsent(SIGNALLED, Boolean.TRUE) == null) {
                onBatchStart.run();
            }
        });
        super.handle(message, segment);
    }
}
