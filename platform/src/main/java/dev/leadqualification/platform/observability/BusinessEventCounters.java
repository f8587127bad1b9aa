package dev.leadqualification.platform.observability;

import dev.leadqualification.kernel.duplicates.DuplicateExperience;
import dev.leadqualification.kernel.lead.DisqualificationReason;
import dev.leadqualification.kernel.lead.DuplicateDetected;
import dev.leadqualification.kernel.lead.LeadCreated;
import dev.leadqualification.kernel.lead.LeadDisqualified;
import dev.leadqualification.kernel.lead.LeadQualificationCompleted;
import dev.leadqualification.kernel.lead.LeadQualificationFailed;
import dev.leadqualification.kernel.lead.LeadQualified;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Counts the business events as they are stored, on the side that writes them (the command side), once each
 * whichever instance writes it: an event is counted when the unit of work that publishes it commits, so a
 * command that loses a race or is rolled back counts nothing. Each instance counts what it wrote; Prometheus
 * sums over instances. The query side writes none of these and so counts none.
 * <ul>
 *     <li>{@code leads.creations}; {@code leads.disqualified} by {@code reason};</li>
 *     <li>{@code leads.qualifications.started} (the lead is qualified and the saga starts creating its records),
 *     {@code .completed} and {@code .failed} (the saga's end);</li>
 *     <li>{@code leads.duplicate.warnings} by {@code experience} (a qualification stopped by matching records).</li>
 * </ul>
 */
class BusinessEventCounters implements MessageDispatchInterceptor<EventMessage<?>> {

    private final Map<Class<?>, Function<Object, Counter>> counters;

    /** Every counter is registered at once, each tag value too: a series exists (at 0) before its first event. */
    BusinessEventCounters(MeterRegistry registry) {
        // not leads.created: Prometheus reserves the suffix _created (a counter's start time) and would drop it
        Counter created = counter(registry, "leads.creations", "Leads created");
        Counter started = counter(registry, "leads.qualifications.started", "Qualifications started (leads qualified)");
        Counter completed = counter(registry, "leads.qualifications.completed",
                "Qualifications whose records were all created");
        Counter failed = counter(registry, "leads.qualifications.failed",
                "Qualifications whose records could not all be created");
        Map<DisqualificationReason, Counter> disqualified = byValue(DisqualificationReason.class, reason ->
                counter(registry, "leads.disqualified", "Leads disqualified, by reason", "reason", reason));
        Map<DuplicateExperience, Counter> duplicateWarnings = byValue(DuplicateExperience.class, experience ->
                counter(registry, "leads.duplicate.warnings",
                        "Qualifications stopped by possible duplicates, by the experience shown", "experience", experience));
        this.counters = Map.of(
                LeadCreated.class, event -> created,
                LeadQualified.class, event -> started,
                LeadQualificationCompleted.class, event -> completed,
                LeadQualificationFailed.class, event -> failed,
                LeadDisqualified.class, event -> disqualified.get(((LeadDisqualified) event).reason()),
                DuplicateDetected.class, event -> duplicateWarnings.get(((DuplicateDetected) event).experience()));
    }

    private static Counter counter(MeterRegistry registry, String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }

    private static <E extends Enum<E>> Map<E, Counter> byValue(Class<E> type, Function<String, Counter> counter) {
        Map<E, Counter> counters = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            counters.put(value, counter.apply(value.name()));
        }
        return counters;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            Function<Object, Counter> counter = counters.get(event.getPayloadType());
            if (counter != null) {
                Counter counted = counter.apply(event.getPayload());
                if (CurrentUnitOfWork.isStarted()) {
                    CurrentUnitOfWork.get().afterCommit(unitOfWork -> counted.increment());
                } else {
                    counted.increment();
                }
            }
        }
        return (index, event) -> event;
    }
}
