package dev.leadqualification.command.web;

import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.common.CurrencyCode;
import dev.leadqualification.kernel.common.EmailAddress;
import dev.leadqualification.kernel.common.RecordId;
import dev.leadqualification.kernel.common.Text;
import dev.leadqualification.kernel.contact.ContactDetails;
import dev.leadqualification.kernel.duplicates.DuplicateRuleDefinition;
import dev.leadqualification.kernel.lead.LeadDetails;
import dev.leadqualification.kernel.lead.QualifyOptions;
import dev.leadqualification.kernel.qualification.QualificationDetails;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a client sends is bounded and free of control characters ({@link Text}), or has a format that
 * bounds it (ids, currency codes, e-mail addresses). The bodies are found from the controllers'
 * {@code @RequestBody} records, plus the records {@link RequestBodies} binds from JSON trees, and followed
 * through nested records and lists: a new text field without a limit fails here.
 */
class EveryTextFieldHasALimitTest {

    /** Bound from {@code ObjectNode} bodies through {@link RequestBodies} (creates, patch, bulk qualify). */
    private static final List<Class<?>> BOUND_FROM_TREES =
            List.of(LeadDetails.class, AccountDetails.class, ContactDetails.class, QualifyOptions.class);
    private static final List<Class<? extends Annotation>> BOUNDING =
            List.of(Text.class, EmailAddress.class, RecordId.class, CurrencyCode.class);
    /** Not text but bytes in base64, bounded by the body limit and the 5 MiB attachment limit. */
    private static final Set<String> NOT_TEXT = Set.of("AttachmentUpload.contentBase64");

    @Test
    void everyTextOfEveryRequestBodyIsBounded() throws ClassNotFoundException {
        Set<Class<?>> bodies = requestBodyRecords();
        bodies.addAll(BOUND_FROM_TREES);

        assertThat(bodies).as("bodies found").contains(QualificationDetails.class, DuplicateRuleDefinition.class);
        Set<String> unbounded = new TreeSet<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> body : bodies) {
            collectUnbounded(body, seen, unbounded);
        }
        assertThat(seen).as("records checked").hasSizeGreaterThan(10);
        assertThat(unbounded).as("text fields without a limit").isEmpty();
    }

    private static void collectUnbounded(Class<?> type, Set<Class<?>> seen, Set<String> unbounded) {
        if (!type.isRecord() || !seen.add(type)) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String name = type.getSimpleName() + "." + component.getName();
            if (component.getType() == String.class) {
                boolean bounded = BOUNDING.stream().anyMatch(component::isAnnotationPresent);
                if (!bounded && !NOT_TEXT.contains(name)) {
                    unbounded.add(name);
                }
            } else if (Collection.class.isAssignableFrom(component.getType())
                    && component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element) {
                if (element == String.class) {
                    unbounded.add(name + "[]");
                }
                collectUnbounded(element, seen, unbounded);
            } else {
                collectUnbounded(component.getType(), seen, unbounded);
            }
        }
    }

    private static Set<Class<?>> requestBodyRecords() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        Set<Class<?>> bodies = new HashSet<>();
        for (BeanDefinition controller : scanner.findCandidateComponents("dev.leadqualification.command")) {
            Class<?> type = ClassUtils.forName(controller.getBeanClassName(), EveryTextFieldHasALimitTest.class.getClassLoader());
            for (Method method : type.getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(RequestBody.class) && parameter.getType().isRecord()) {
                        bodies.add(parameter.getType());
                    }
                }
            }
        }
        return bodies;
    }
}
