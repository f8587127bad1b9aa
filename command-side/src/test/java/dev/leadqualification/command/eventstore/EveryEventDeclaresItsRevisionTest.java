package dev.leadqualification.command.eventstore;

import dev.leadqualification.kernel.lead.LeadAssigned;
import dev.leadqualification.kernel.lead.LeadQualified;
import dev.leadqualification.kernel.lead.NoteAdded;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.util.ClassUtils;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event of the published language that the command side handles (aggregates, sagas, lookups) declares its
 * revision, so that a later change of its shape can be told apart from the stored ones and upcast.
 */
class EveryEventDeclaresItsRevisionTest {

    private static final String KERNEL = "dev.leadqualification.kernel.";

    @Test
    void everyHandledEventHasARevision() throws Exception {
        Set<Class<?>> events = handledEvents();

        assertThat(events).as("events found").contains(NoteAdded.class, LeadQualified.class, LeadAssigned.class);
        Set<String> withoutRevision = new TreeSet<>();
        for (Class<?> event : events) {
            if (event.getAnnotation(Revision.class) == null) {
                withoutRevision.add(event.getName());
            }
        }
        assertThat(withoutRevision).as("events without @Revision").isEmpty();
    }

    /** The kernel's event types the handlers take; for a handler of an interface, every event implementing it. */
    private static Set<Class<?>> handledEvents() throws ClassNotFoundException {
        Set<Class<?>> kernelTypes = classesIn("dev.leadqualification.kernel");
        Set<Class<?>> events = new HashSet<>();
        for (Class<?> handled : handledTypes()) {
            if (handled.isInterface()) {
                kernelTypes.stream().filter(type -> !type.isInterface() && handled.isAssignableFrom(type))
                        .forEach(events::add);
            } else {
                events.add(handled);
            }
        }
        return events;
    }

    private static Set<Class<?>> classesIn(String basePackage) throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition bean) {
                return true; // package-private and abstract classes have handlers too
            }
        };
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*")));
        Set<Class<?>> classes = new HashSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            classes.add(ClassUtils.forName(candidate.getBeanClassName(),
                    EveryEventDeclaresItsRevisionTest.class.getClassLoader()));
        }
        return classes;
    }

    private static Set<Class<?>> handledTypes() throws ClassNotFoundException {
        Set<Class<?>> events = new HashSet<>();
        for (Class<?> type : classesIn("dev.leadqualification.command")) {
            for (Method method : type.getDeclaredMethods()) {
                boolean handler = method.isAnnotationPresent(EventSourcingHandler.class)
                        || method.isAnnotationPresent(EventHandler.class)
                        || method.isAnnotationPresent(SagaEventHandler.class);
                if (handler && method.getParameterCount() > 0
                        && method.getParameterTypes()[0].getName().startsWith(KERNEL)) {
                    events.add(method.getParameterTypes()[0]);
                }
            }
        }
        return events;
    }
}
