package dev.leadqualification.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.leadqualification.kernel.common.ChoiceRequired;
import dev.leadqualification.kernel.common.DomainRuleViolation;
import dev.leadqualification.kernel.common.Forbidden;
import dev.leadqualification.kernel.common.InvalidField;
import dev.leadqualification.platform.database.TransientDatabaseFailure;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 9457 problem with the slugs of API.md. Details never carry stack traces,
 * SQL or the rejected values themselves (which may be secrets or attachment bytes).
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** The problem a failure is answered with, for answers that report several outcomes (bulk requests). */
    public ProblemDetail describe(Exception failure) {
        ResponseEntity<ProblemDetail> answer;
        if (failure instanceof DomainRuleViolation violation) {
            answer = ruleViolation(violation);
        } else if (failure instanceof InvalidField invalid) {
            answer = invalidField(invalid);
        } else if (failure instanceof InvalidRequest invalid) {
            answer = invalidRequest(invalid);
        } else if (failure instanceof ApiProblem problem) {
            answer = apiProblem(problem);
        } else if (failure instanceof AggregateNotFoundException notFound) {
            answer = unknownAggregate(notFound);
        } else if (failure instanceof IncompatibleAggregateException otherKind) {
            answer = otherKindOfRecord(otherKind);
        } else if (failure instanceof ConcurrencyException || failure instanceof AggregateStreamCreationException) {
            answer = concurrentModification(failure);
        } else {
            answer = unexpected(failure);
        }
        return answer.getBody();
    }

    @ExceptionHandler(ApiProblem.class)
    public ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        return answer(problem.status(), problem.slug(), problem.getMessage(), problem.extensions());
    }

    @ExceptionHandler(InvalidRequest.class)
    public ResponseEntity<ProblemDetail> invalidRequest(InvalidRequest invalid) {
        return validation(invalid.errors());
    }

    @ExceptionHandler(InvalidField.class)
    public ResponseEntity<ProblemDetail> invalidField(InvalidField invalid) {
        return validation(List.of(new FieldError(invalid.field(), invalid.getMessage())));
    }

    @ExceptionHandler(DomainRuleViolation.class)
    public ResponseEntity<ProblemDetail> ruleViolation(DomainRuleViolation violation) {
        HttpStatus status = violation instanceof ChoiceRequired ? HttpStatus.UNPROCESSABLE_ENTITY
                : violation instanceof Forbidden ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT;
        return answer(status, violation.rule(), violation.getMessage(), violation.extensions());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    public ResponseEntity<ProblemDetail> unknownAggregate(AggregateNotFoundException notFound) {
        return answer(HttpStatus.NOT_FOUND, "not-found", "No record with id " + notFound.getAggregateIdentifier() + ".",
                Map.of());
    }

    /**
     * The id names a record of another kind (a lead's id in an opportunity's path): Axon loads any record's events
     * under its id and refuses them when they leave the aggregate without its id, before any handler runs.
     */
    @ExceptionHandler(IncompatibleAggregateException.class)
    public ResponseEntity<ProblemDetail> otherKindOfRecord(IncompatibleAggregateException otherKind) {
        return answer(HttpStatus.NOT_FOUND, "not-found", "No record of this kind has this id.", Map.of());
    }

    /**
     * A write that kept losing the race for its record to another instance, or kept colliding with other
     * transactions, after the command side's retries.
     */
    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    public ResponseEntity<ProblemDetail> concurrentModification(Exception conflict) {
        ResponseEntity<ProblemDetail> answer = answer(HttpStatus.CONFLICT, "concurrent-modification",
                "The record was being changed by other requests at the same time; nothing was changed. Try again.",
                Map.of());
        // a conflict that passes: the same request may succeed now (an Idempotency-Key is not spent on it)
        return ResponseEntity.status(answer.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "1").body(answer.getBody());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ProblemDetail> parameterType(MethodArgumentTypeMismatchException mismatch) {
        return validation(List.of(new FieldError(mismatch.getName(), "has the wrong type or format")));
    }

    /**
     * A failure nobody foresaw is a 500. One of the database that a retry may not meet: a conflict with another
     * transaction (a deadlock, a lock timeout) is the record being changed by others at the same time, as a write that
     * kept losing the race is (409); the database out of reach or busy is a 503.
     */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e) {
        Optional<TransientDatabaseFailure> database = TransientDatabaseFailure.of(e);
        if (database.isPresent()) {
            log.warn("The database could not do the work ({}): {}", database.get(), e.toString());
            return database.get() == TransientDatabaseFailure.CONFLICT
                    ? concurrentModification(e) : DatabaseUnavailable.answer();
        }
        log.error("Unexpected failure", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "The request could not be completed. It has been logged.", Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .toList();
        return asObject(validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(@NonNull HandlerMethodValidationException e,
                                                                            @NonNull HttpHeaders headers,
                                                                            @NonNull HttpStatusCode status,
                                                                            @NonNull WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new FieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        return asObject(validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(@NonNull MissingServletRequestParameterException e,
                                                                          @NonNull HttpHeaders headers,
                                                                          @NonNull HttpStatusCode status,
                                                                          @NonNull WebRequest request) {
        return asObject(validation(List.of(new FieldError(e.getParameterName(), "is required"))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiProblem problem) {
                return asObject(apiProblem(problem));
            }
        }
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String message = mismatch instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()
                    ? "must be one of " + enumValues(invalid.getTargetType())
                    : "has the wrong type or format";
            return asObject(validation(List.of(new FieldError(JsonPaths.of(mismatch), message))));
        }
        String detail = e.getCause() instanceof JsonProcessingException json && json.getLocation() != null
                ? "The body is not valid JSON (line " + json.getLocation().getLineNr() + ", column "
                + json.getLocation().getColumnNr() + ")."
                : "The body is missing or is not valid JSON.";
        return asObject(answer(HttpStatus.BAD_REQUEST, "malformed-request", detail, Map.of()));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(@NonNull NoResourceFoundException e,
                                                                    @NonNull HttpHeaders headers,
                                                                    @NonNull HttpStatusCode status,
                                                                    @NonNull WebRequest request) {
        return asObject(answer(HttpStatus.NOT_FOUND, "not-found", "There is no such resource.", Map.of()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(@NonNull HttpRequestMethodNotSupportedException e,
                                                                         @NonNull HttpHeaders headers,
                                                                         @NonNull HttpStatusCode status,
                                                                         @NonNull WebRequest request) {
        ResponseEntity<ProblemDetail> answer = answer(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed",
                "This resource does not accept " + e.getMethod() + ".", Map.of());
        HttpHeaders allow = new HttpHeaders();
        if (e.getSupportedHttpMethods() != null) {
            allow.setAllow(e.getSupportedHttpMethods());
        }
        return new ResponseEntity<>(answer.getBody(), allow, answer.getStatusCode());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(@NonNull HttpMediaTypeNotSupportedException e,
                                                                     @NonNull HttpHeaders headers,
                                                                     @NonNull HttpStatusCode status,
                                                                     @NonNull WebRequest request) {
        return asObject(answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "Send the body as application/json.", Map.of()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(@NonNull HttpMediaTypeNotAcceptableException e,
                                                                      @NonNull HttpHeaders headers,
                                                                      @NonNull HttpStatusCode status,
                                                                      @NonNull WebRequest request) {
        return asObject(answer(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
                "This resource answers application/json only.", Map.of()));
    }

    /** Spring's other framework exceptions: keep their status, give them a slug from it. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(@NonNull Exception e, Object body, @NonNull HttpHeaders headers,
                                                             @NonNull HttpStatusCode statusCode, @NonNull WebRequest request) {
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        String slug = status.is4xxClientError() ? "malformed-request" : "internal-error";
        if (status.is5xxServerError()) {
            log.error("Framework failure", e);
        }
        return asObject(answer(status, slug, status.getReasonPhrase() + ".", Map.of()));
    }

    private static ResponseEntity<ProblemDetail> validation(List<FieldError> errors) {
        return answer(HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields: "
                + errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", ")) + ".",
                Map.of("errors", errors));
    }

    private static ResponseEntity<ProblemDetail> answer(HttpStatus status, String slug, String detail,
                                                        Map<String, Object> extensions) {
        return ResponseEntity.status(status).body(ProblemWriter.problem(status, slug, detail, extensions));
    }

    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> answer) {
        return new ResponseEntity<>(answer.getBody(), answer.getHeaders(), answer.getStatusCode());
    }


    private static String enumValues(Class<?> type) {
        return java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
