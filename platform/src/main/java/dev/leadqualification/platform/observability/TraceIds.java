package dev.leadqualification.platform.observability;

import dev.leadqualification.platform.eventstore.MetadataKeys;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps a command sent without a trace id (one sent while serving an HTTP request) with the trace id of the
 * current span: the request's, taken from its W3C {@code traceparent} header or begun by the service. Messages
 * created while handling one inherit it as correlation data (events from a command, the saga's commands from an
 * event), so every event of a request carries its trace id beside the correlation id, traced or not: the trace id
 * costs one metadata entry, and ties log lines of both services to one request even when no span is exported.
 */
class TraceIds implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final Tracer tracer;

    TraceIds(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> commands) {
        TraceContext current = tracer.currentTraceContext().context();
        if (current == null) {
            return (index, command) -> command;
        }
        String traceId = current.traceId();
        return (index, command) -> command.getMetaData().containsKey(MetadataKeys.TRACE_ID) ? command
                : command.andMetaData(Map.of(MetadataKeys.TRACE_ID, traceId));
    }
}
