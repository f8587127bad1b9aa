package dev.leadqualification.query.generation;

import dev.leadqualification.query.readmodel.ProjectionConfiguration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The projections of the live processor ({@link ProjectionConfiguration#PROCESSOR}) as a rebuild calls them: each
 * through Axon's own dispatch to its {@code @EventHandler} methods (payload, sequence number, timestamp and actor from
 * the stored event, as when the processor delivers it), asked once per payload type which of them handle it.
 */
@Component
public class ProjectionHandlers {

    private final ApplicationContext context;
    private final EventProcessingConfiguration processing;
    private volatile Map<String, EventMessageHandler> projections;
    private final Map<Class<?>, List<Projection>> byType = new ConcurrentHashMap<>();

    public ProjectionHandlers(ApplicationContext context, EventProcessingConfiguration processing) {
        this.context = context;
        this.processing = processing;
    }

    /** The processing groups of the projections, by name. */
    List<String> groups() {
        return List.copyOf(projections().keySet());
    }

    /** One projection: its processing group and its handlers. */
    record Projection(String group, EventMessageHandler handler) {
    }

    /** The projections that handle events of {@code payloadType}. */
    List<Projection> of(Class<?> payloadType) {
        return byType.computeIfAbsent(payloadType, type -> projections().entrySet().stream()
                .filter(projection -> projection.getValue().canHandleType(type))
                .map(projection -> new Projection(projection.getKey(), projection.getValue())).toList());
    }

    private Map<String, EventMessageHandler> projections() {
        Map<String, EventMessageHandler> found = projections;
        if (found == null) {
            Map<String, EventMessageHandler> groups = new ConcurrentHashMap<>();
            context.getBeansWithAnnotation(ProcessingGroup.class).values().forEach(bean -> {
                String group = Objects.requireNonNull(
                        AnnotationUtils.findAnnotation(bean.getClass(), ProcessingGroup.class)).value();
                boolean ofTheLiveProcessor = processing.eventProcessorByProcessingGroup(group)
                        .map(EventProcessor::getName).filter(ProjectionConfiguration.PROCESSOR::equals).isPresent();
                if (ofTheLiveProcessor) {
                    groups.put(group, new AnnotationEventHandlerAdapter(bean));
                }
            });
            found = Map.copyOf(groups);
            projections = found;
        }
        return found;
    }
}
