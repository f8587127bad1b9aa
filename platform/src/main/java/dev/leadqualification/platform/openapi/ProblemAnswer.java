package dev.leadqualification.platform.openapi;

import org.springframework.http.HttpStatus;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A refusal an endpoint may answer besides those every endpoint may ({@link ProblemAnswers}): its status, slug and
 * when it happens. The API description lists it under the status, as {@code application/problem+json}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(ProblemAnswer.List.class)
public @interface ProblemAnswer {

    HttpStatus status();

    String slug();

    /** When this answer comes, as the example's detail. */
    String when();

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @interface List {
        ProblemAnswer[] value();
    }
}
