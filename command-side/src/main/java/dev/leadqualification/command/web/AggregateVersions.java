package dev.leadqualification.command.web;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The version of the record a command was about, after the command: the sequence number of its last event
 * (of the events this command applied, else of those stored before). Recorded for the HTTP request that sent
 * the command, so its answer can carry {@code ETag: "N"} ({@link CommandAnswers}).
 */
@Component
public class AggregateVersions {

    static final String REQUEST_ATTRIBUTE = AggregateVersions.class.getName() + ".version";
    private static final String APPLIED = AggregateVersions.class.getName() + ".applied";
    private static final CommandTargetResolver TARGETS = AnnotationCommandTargetResolver.builder().build();

    public AggregateVersions(CommandBus commandBus, EventStore eventStore) {
        eventStore.registerDispatchInterceptor(rememberAppliedSequences());
        commandBus.registerHandlerInterceptor(recordVersionForRequest(eventStore));
    }

    /** The version recorded for the current request, if a command about one record was handled. */
    public static Long current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request == null ? null
                : (Long) request.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }

    private static MessageDispatchInterceptor<EventMessage<?>> rememberAppliedSequences() {
        return (List<? extends EventMessage<?>> events) -> {
            if (CurrentUnitOfWork.isStarted()) {
                Map<String, Long> applied = CurrentUnitOfWork.get().root().getOrComputeResource(APPLIED, key -> new HashMap<>());
                events.stream()
                        .filter(DomainEventMessage.class::isInstance)
                        .map(DomainEventMessage.class::cast)
                        .forEach(event -> applied.merge(event.getAggregateIdentifier(), event.getSequenceNumber(), Math::max));
            }
            return (BiFunction<Integer, EventMessage<?>, EventMessage<?>>) (index, event) -> event;
        };
    }

    private static MessageHandlerInterceptor<CommandMessage<?>> recordVersionForRequest(EventStore eventStore) {
        return (UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) -> {
            Object result = chain.proceed();
            RequestAttributes request = RequestContextHolder.getRequestAttributes();
            if (request != null && unitOfWork.isRoot()) {
                String aggregateId = TARGETS.resolveTarget(unitOfWork.getMessage()).getIdentifier();
                Map<String, Long> applied = unitOfWork.getResource(APPLIED);
                Long version = applied != null && applied.containsKey(aggregateId) ? applied.get(aggregateId)
                        : eventStore.lastSequenceNumberFor(aggregateId).orElse(null);
                request.setAttribute(REQUEST_ATTRIBUTE, version, RequestAttributes.SCOPE_REQUEST);
            }
            return result;
        };
    }
}
