package dev.leadqualification.platform.observability;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** While a processor handles an event, the log context carries the event's request; afterwards the thread's own. */
class EventLogContextTest {

    private static final MetaData REQUEST = MetaData.with("correlationId", "corr-1").and("actor", "sam")
            .and("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");

    @AfterEach
    void clearLogContext() {
        MDC.clear();
    }

    @Test
    void theHandlerSeesTheProcessorAndTheEventsRequest() throws Exception {
        Map<String, String> seen = handle(GenericEventMessage.asEventMessage("an event").withMetaData(REQUEST));

        assertThat(seen).containsExactlyInAnyOrderEntriesOf(Map.of("processor", "read-models",
                "correlationId", "corr-1", "actor", "sam", "traceId", "4bf92f3577b34da6a3ce929d0e0e4736"));
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void theContextOfTheThreadIsRestoredAfterwards() throws Exception {
        // a subscribing processor handles events on the thread of the request that stored them
        MDC.put("request", "POST /api/leads");
        MDC.put("traceId", "0af7651916cd43dd8448eb211c80319c");

        Map<String, String> seen = handle(GenericEventMessage.asEventMessage("an event").withMetaData(REQUEST));

        assertThat(seen).containsEntry("request", "POST /api/leads")
                .containsEntry("traceId", "0af7651916cd43dd8448eb211c80319c")
                .containsEntry("processor", "read-models");
        assertThat(MDC.getCopyOfContextMap())
                .isEqualTo(Map.of("request", "POST /api/leads", "traceId", "0af7651916cd43dd8448eb211c80319c"));
    }

    private static Map<String, String> handle(EventMessage<?> event) throws Exception {
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        @SuppressWarnings("unchecked")
        Map<String, String> seen = (Map<String, String>) unitOfWork.executeWithResult(() ->
                new DefaultInterceptorChain<>(unitOfWork, List.of(new EventLogContext("read-models")),
                        message -> MDC.getCopyOfContextMap()).proceed()).getPayload();
        return seen;
    }
}
