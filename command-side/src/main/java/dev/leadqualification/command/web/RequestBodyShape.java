package dev.leadqualification.command.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * For the API description: the JSON an endpoint reads as a tree ({@code ObjectNode}) rather than as one type is
 * the fields of {@link #value} plus the {@link #plus} fields its controller takes out first (see
 * {@link CommandApiDescription#ADDED_FIELDS}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequestBodyShape {

    Class<?> value();

    String[] plus() default {};

    /** The fields this endpoint requires (those of {@link #value} that a create needs, e.g. a lead's topic). */
    String[] required() default {};
}
