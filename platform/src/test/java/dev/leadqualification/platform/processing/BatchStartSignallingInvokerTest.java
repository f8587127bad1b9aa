package dev.leadqualification.platform.processing;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The signal comes once per unit of work, before its first event is handled; every event is still handled. */
class BatchStartSignallingInvokerTest {

    private final List<Object> handled = new ArrayList<>();
    private final AtomicInteger signals = new AtomicInteger();
    private final EventHandlerInvoker recording = new EventHandlerInvoker() {
        @Override
        public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
            return true;
        }

        @Override
        public void handle(EventMessage<?> message, Segment segment) {
            handled.add(message.getPayload() + " after " + signals.get() + " signals");
        }
    };
    private final BatchStartSignallingInvoker invoker = new BatchStartSignallingInvoker(recording, signals::incrementAndGet);

    @Test
    void onceForEachBatch() throws Exception {
        handleAsOneBatch("a", "b", "c");
        handleAsOneBatch("d", "e");

        assertThat(handled).containsExactly("a after 1 signals", "b after 1 signals", "c after 1 signals",
                "d after 2 signals", "e after 2 signals");
    }

    @Test
    void notOutsideAUnitOfWork() throws Exception {
        invoker.handle(GenericEventMessage.asEventMessage("x"), Segment.ROOT_SEGMENT);

        assertThat(handled).containsExactly("x after 0 signals");
    }

    private void handleAsOneBatch(String... payloads) throws Exception {
        List<EventMessage<?>> batch = new ArrayList<>();
        for (String payload : payloads) {
            batch.add(GenericEventMessage.asEventMessage(payload));
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        // as Axon's processors do: the task runs once per event, each the unit of work's message in turn
        unitOfWork.executeWithResult(() -> {
            invoker.handle(unitOfWork.getMessage(), Segment.ROOT_SEGMENT);
            return null;
        });
    }
}
