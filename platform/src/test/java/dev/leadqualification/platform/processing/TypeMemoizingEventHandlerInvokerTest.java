package dev.leadqualification.platform.processing;

import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The wrapped invoker is asked once per payload type and once whether it supports a reset; the rest is its own. */
class TypeMemoizingEventHandlerInvokerTest {

    /** Handles strings in the segment it is given, and counts the questions about types. */
    static class StringsInvoker implements EventHandlerInvoker {
        final List<Class<?>> typeQuestions = new ArrayList<>();
        final List<Object> handled = new ArrayList<>();
        int resetQuestions;
        Segment segment = Segment.ROOT_SEGMENT;

        @Override
        public boolean canHandleType(Class<?> payloadType) {
            typeQuestions.add(payloadType);
            return payloadType == String.class;
        }

        @Override
        public boolean canHandle(EventMessage<?> eventMessage, Segment segment) {
            return eventMessage.getPayloadType() == String.class && segment.equals(this.segment);
        }

        @Override
        public void handle(EventMessage<?> message, Segment segment) {
            handled.add(message.getPayload());
        }

        @Override
        public boolean supportsReset() {
            resetQuestions++;
            return false;
        }
    }

    private final StringsInvoker strings = new StringsInvoker();
    private final TypeMemoizingEventHandlerInvoker invoker = new TypeMemoizingEventHandlerInvoker(strings);

    @Test
    void answersPerTypeAreAskedOnce() {
        for (int i = 0; i < 3; i++) {
            assertThat(invoker.canHandleType(String.class)).isTrue();
            assertThat(invoker.canHandleType(Integer.class)).isFalse();
            assertThat(invoker.canHandle(GenericEventMessage.asEventMessage(42L), Segment.ROOT_SEGMENT)).isFalse();
            assertThat(invoker.supportsReset()).isFalse();
        }

        assertThat(strings.typeQuestions).containsExactly(String.class, Integer.class, Long.class);
        assertThat(strings.resetQuestions).isEqualTo(1);
    }

    @Test
    void forAHandledTypeTheWrappedInvokerDecidesPerEventAndSegment() throws Exception {
        Segment[] halves = Segment.ROOT_SEGMENT.split();
        strings.segment = halves[1];
        EventMessage<?> event = GenericEventMessage.asEventMessage("hello");

        assertThat(invoker.canHandle(event, halves[0])).isFalse();
        assertThat(invoker.canHandle(event, halves[1])).isTrue();
        invoker.handle(event, halves[1]);

        assertThat(strings.handled).containsExactly("hello");
    }
}
