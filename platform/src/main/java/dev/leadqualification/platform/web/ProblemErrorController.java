package dev.leadqualification.platform.web;

import dev.leadqualification.platform.database.TransientDatabaseFailure;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Failures outside Spring MVC (container errors, filters) answer as problems too, never as an HTML page; a filter
 * that could not reach the database (e.g. reserving an idempotency key) answers 503 (or 409 for a conflict with
 * another transaction) like a controller would.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private final ApiExceptionHandler problems;

    public ProblemErrorController(ApiExceptionHandler problems) {
        this.problems = problems;
    }

    @RequestMapping("/error")
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Exception failure
                && TransientDatabaseFailure.causedBy(failure)) {
            return problems.unexpected(failure);
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        String slug = switch (status) {
            case NOT_FOUND -> "not-found";
            case PAYLOAD_TOO_LARGE -> "payload-too-large";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            default -> status.is4xxClientError() ? "malformed-request" : "internal-error";
        };
        return ResponseEntity.status(status).body(ProblemWriter.problem(status, slug, status.getReasonPhrase() + ".", Map.of()));
    }
}
