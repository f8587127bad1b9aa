package dev.leadqualification.platform.observability;

import dev.leadqualification.platform.eventstore.MetadataKeys;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;

import java.util.Map;

/**
 * While an event processor handles an event, the log context names the processor and carries the event's
 * correlation id, actor and trace id: what a handler logs (and the commands a saga sends, handled on the same
 * thread) can be traced back to the request that caused it. The thread's context is restored afterwards.
 */
class EventLogContext implements MessageHandlerInterceptor<EventMessage<?>> {

    private final String processor;

    EventLogContext(String processor) {
        this.processor = processor;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Map<String, String> before = MDC.getCopyOfContextMap();
        MetaData metaData = unitOfWork.getMessage().getMetaData();
        MDC.put(LogContext.PROCESSOR, processor);
        LogContext.putIfPresent(LogContext.CORRELATION_ID, metaData.get(MetadataKeys.CORRELATION_ID));
        LogContext.putIfPresent(LogContext.ACTOR, metaData.get(MetadataKeys.ACTOR));
        if (MDC.get(LogContext.TRACE_ID) == null) {
            LogContext.putIfPresent(LogContext.TRACE_ID, metaData.get(MetadataKeys.TRACE_ID));
        }
        try {
            return chain.proceed();
        } finally {
            if (before == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(before);
            }
        }
    }
}
