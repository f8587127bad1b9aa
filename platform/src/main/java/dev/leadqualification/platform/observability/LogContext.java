package dev.leadqualification.platform.observability;

import dev.leadqualification.platform.eventstore.MetadataKeys;
import dev.leadqualification.platform.web.CorrelationIdFilter;
import org.slf4j.MDC;

/**
 * The keys every log line carries (plain text shows what its pattern names; structured JSON shows them all):
 * {@code correlationId}, {@code actor}, {@code traceId} and what the thread serves, {@code request} (method and
 * path) or {@code processor} (the event processor handling an event).
 */
final class LogContext {

    static final String CORRELATION_ID = CorrelationIdFilter.MDC_KEY;
    static final String ACTOR = MetadataKeys.ACTOR;
    /** The key Micrometer Tracing itself fills while a span is in scope. */
    static final String TRACE_ID = "traceId";
    static final String REQUEST = "request";
    static final String PROCESSOR = "processor";

    private LogContext() {
    }

    /** Puts {@code value} under {@code key} unless it is null; answers whether it did. */
    static boolean putIfPresent(String key, Object value) {
        if (value == null) {
            return false;
        }
        MDC.put(key, value.toString());
        return true;
    }
}
