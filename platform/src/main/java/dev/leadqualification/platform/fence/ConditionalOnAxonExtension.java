package dev.leadqualification.platform.fence;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A configuration or bean that exists only while the named {@link AxonExtension} is on. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Conditional(ConditionalOnAxonExtension.OnAxonExtension.class)
public @interface ConditionalOnAxonExtension {

    /** The extension's {@link AxonExtension#name()}. */
    String value();

    class OnAxonExtension implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String name = (String) metadata.getAnnotationAttributes(ConditionalOnAxonExtension.class.getName())
                    .get("value");
            return AxonExtensions.isOn(context.getEnvironment(), name);
        }
    }
}
