package dev.leadqualification.kernel.common;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An e-mail address whose domain has a dot (local@example.com), as {@link Text} of one line. Null is valid. */
@Email(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
@Text(max = TextLimits.EMAIL)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {})
public @interface EmailAddress {
    String message() default "must be a valid e-mail address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
