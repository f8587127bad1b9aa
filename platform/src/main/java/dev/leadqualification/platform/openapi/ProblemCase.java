package dev.leadqualification.platform.openapi;

import org.springframework.http.HttpStatus;

/** One problem answer an operation may give: status, slug, and when (the example's detail). */
public record ProblemCase(HttpStatus status, String slug, String when) {

    static ProblemCase of(ProblemAnswer answer) {
        return new ProblemCase(answer.status(), answer.slug(), answer.when());
    }
}
