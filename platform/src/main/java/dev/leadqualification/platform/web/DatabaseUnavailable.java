package dev.leadqualification.platform.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.util.Map;

/**
 * The answer to a request that failed because the database could not do the work at that moment
 * ({@link dev.leadqualification.platform.database.TransientDatabaseFailure}): 503 {@code service-unavailable} with
 * {@code Retry-After}, not 500, since the service itself is fine and the same request may succeed shortly.
 */
final class DatabaseUnavailable {

    static final String SLUG = "service-unavailable";
    /** Seconds a client should wait before it tries again. */
    static final String RETRY_AFTER_SECONDS = "5";

    private DatabaseUnavailable() {
    }

    static ResponseEntity<ProblemDetail> answer() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .body(ProblemWriter.problem(HttpStatus.SERVICE_UNAVAILABLE, SLUG,
                        "The service cannot reach its database at the moment. Try again in a few seconds.", Map.of()));
    }
}
