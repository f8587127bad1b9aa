package dev.leadqualification.platform.observability;

import dev.leadqualification.platform.eventstore.MetadataKeys;
import dev.leadqualification.platform.tokens.StoredTokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.OpenTelemetry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.AxonTracingAutoConfiguration;
import org.axonframework.springboot.autoconfig.OpenTelemetryAutoConfiguration;
import org.axonframework.tracing.NoOpSpanFactory;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;


/**
 * Metrics, traces and log context for both services. Metrics go to Prometheus ({@code /actuator/prometheus}):
 * Axon's message timers ({@link AxonMessageTimers}), {@link ProcessorLagMeters}, {@link DeadLetterMeters},
 * {@link BusinessEventCounters}, and Spring Boot's own (HTTP server, JVM, connection pool). Traces: Micrometer
 * Tracing's OpenTelemetry bridge for HTTP, Axon's OpenTelemetry spans for its messages when sampling is on (see
 * {@link AxonSpans}); every event carries its request's trace id ({@link TraceIds}). Log lines carry the
 * keys {@link LogContext} names.
 */
@AutoConfiguration(before = {OpenTelemetryAutoConfiguration.class, AxonTracingAutoConfiguration.class,
        AxonAutoConfiguration.class})
public class ObservabilityConfiguration {

    @Bean
    public ConfigurerModule axonMessageTimers(MeterRegistry registry) {
        return new AxonMessageTimers(registry);
    }

    /** First, so that the percentile and histogram settings that follow see the final names. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public MeterFilter axonMeterNames() {
        return new AxonMeterNames();
    }

    @Bean
    public BusinessEventCounters businessEventCounters(MeterRegistry registry, EventBus eventBus) {
        BusinessEventCounters counters = new BusinessEventCounters(registry);
        eventBus.registerDispatchInterceptor(counters);
        return counters;
    }

    /** The processors exist once the application has started; their gauges are registered then. */
    @Bean
    public ApplicationListener<ApplicationReadyEvent> processorMeters(
            MeterRegistry registry, EventProcessingConfiguration processing, EventProcessorProperties settings,
            JdbcTemplate jdbc, StoredTokens tokens, EventSchema events) {
        // read at each call: the database clock replaces Axon's event clock once it has measured its offset
        ProcessorLagMeters lag = new ProcessorLagMeters(processing, jdbc, tokens, events,
                () -> GenericEventMessage.clock.instant());
        DeadLetterMeters deadLetters = new DeadLetterMeters(processing, settings);
        return ready -> {
            lag.bindTo(registry);
            deadLetters.bindTo(registry);
        };
    }

    @Bean
    public TraceIds traceIds(ObjectProvider<Tracer> tracer, CommandBus commandBus) {
        TraceIds traceIds = new TraceIds(tracer.getIfAvailable(() -> Tracer.NOOP));
        commandBus.registerDispatchInterceptor(traceIds);
        return traceIds;
    }

    /** Every message created while handling another inherits its trace id, as it does the correlation id. */
    @Bean
    public CorrelationDataProvider traceIdProvider() {
        return new SimpleCorrelationDataProvider(MetadataKeys.TRACE_ID);
    }

    @Bean
    public ConfigurerModule eventLogContext() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processor) -> new EventLogContext(processor));
    }

    /** After Spring Security, which has then authenticated the user. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public FilterRegistrationBean<RequestLogContextFilter> requestLogContextFilter() {
        FilterRegistrationBean<RequestLogContextFilter> registration =
                new FilterRegistrationBean<>(new RequestLogContextFilter());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /**
     * Axon's spans for commands, events, sagas and projections, on the OpenTelemetry SDK that Spring Boot configures
     * (Axon's own auto-configuration would take the global one, which Boot leaves a no-op). Only when traces are
     * sampled ({@code management.tracing.sampling.probability} above 0, 0 by default): unsampled, Axon would still
     * build a span for every message and write a {@code traceparent} into every event, for nothing; the trace id in
     * the metadata ({@link TraceIds}) is there either way. Events then continue the trace of the request that caused
     * them ({@code axon.tracing.event-processor.distributed-in-same-trace}), on the query side too.
     */
    @Configuration(proxyBeanMethods = false)
    static class AxonSpans {

        @Bean
        @ConditionalOnExpression("${management.tracing.sampling.probability:0} > 0")
        public SpanFactory openTelemetrySpanFactory(OpenTelemetry openTelemetry) {
            return OpenTelemetrySpanFactory.builder()
                    .tracer(openTelemetry.getTracer("org.axonframework"))
                    .contextPropagators(openTelemetry.getPropagators().getTextMapPropagator())
                    .build();
        }

        @Bean
        @ConditionalOnExpression("${management.tracing.sampling.probability:0} <= 0")
        public SpanFactory noSpans() {
            return NoOpSpanFactory.INSTANCE;
        }
    }
}
