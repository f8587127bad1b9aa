package dev.leadqualification.platform.openapi;

import dev.leadqualification.platform.web.ProblemTypes;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adds to every operation the problem answers it may give, as {@code application/problem+json}: those every
 * endpoint may give (bad request, unauthenticated, forbidden, server and database failures), those that follow
 * from its form (404 for a path with an id, 413 and 415 for one that may carry a body), and its own
 * ({@link ProblemAnswer}). Each status lists its slugs: the answer's {@code type} is one of them (so a validator
 * catches an undescribed one), and each has an example.
 */
class ProblemAnswers implements GlobalOperationCustomizer {

    static final String MEDIA_TYPE = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private static final List<ProblemCase> EVERY_ENDPOINT = List.of(
            new ProblemCase(HttpStatus.BAD_REQUEST, "validation",
                    "The request has invalid fields: name, email."),
            new ProblemCase(HttpStatus.BAD_REQUEST, "malformed-request",
                    "The body is not valid JSON (line 1, column 12)."),
            new ProblemCase(HttpStatus.UNAUTHORIZED, "unauthorized",
                    "Authentication is required: send HTTP Basic credentials or a bearer token."),
            new ProblemCase(HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this request."),
            new ProblemCase(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
                    "This resource answers application/json only."),
            new ProblemCase(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                    "The request could not be completed. It has been logged."),
            new ProblemCase(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "The service cannot reach its database at the moment. Try again in a few seconds."));
    private static final ProblemCase NOT_FOUND = new ProblemCase(HttpStatus.NOT_FOUND, "not-found",
            "No lead with id 0b6f3a5e-2c1d-4e8f-9a7b-1c2d3e4f5a6b.");
    private static final List<ProblemCase> WITH_BODY = List.of(
            new ProblemCase(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                    "The body is larger than 1048576 bytes."),
            new ProblemCase(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Send the body as application/json."));

    private final List<ServiceProblemCases> serviceCases;

    ProblemAnswers(List<ServiceProblemCases> serviceCases) {
        this.serviceCases = serviceCases;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        List<ProblemCase> answers = new ArrayList<>(EVERY_ENDPOINT);
        if (operation.getParameters() != null
                && operation.getParameters().stream().map(Parameter::getIn).anyMatch("path"::equals)) {
            answers.add(NOT_FOUND);
        }
        if (operation.getRequestBody() != null || mayCarryBody(handlerMethod)) {
            answers.addAll(WITH_BODY);
        }
        for (ProblemAnswer own : handlerMethod.getMethod().getAnnotationsByType(ProblemAnswer.class)) {
            answers.add(ProblemCase.of(own));
        }
        serviceCases.forEach(cases -> answers.addAll(cases.of(operation, handlerMethod)));
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        answers.addAll(described(operation));
        // one case per status and slug, in an order that does not depend on the order springdoc meets handlers in
        Map<HttpStatus, Map<String, ProblemCase>> byStatus = new TreeMap<>();
        answers.stream().sorted(Comparator.comparing(ProblemCase::slug).thenComparing(ProblemCase::when))
                .forEach(answer -> byStatus.computeIfAbsent(answer.status(), status -> new LinkedHashMap<>())
                        .putIfAbsent(answer.slug(), answer));
        byStatus.forEach((status, facts) -> operation.getResponses()
                .addApiResponse(String.valueOf(status.value()), response(status, List.copyOf(facts.values()))));
        return operation;
    }

    /** Any request but a read may come with a body, which is checked (size, type) even where none is read. */
    private static boolean mayCarryBody(HandlerMethod handlerMethod) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(),
                RequestMapping.class);
        return mapping != null && Arrays.stream(mapping.method()).noneMatch(RequestMethod.GET::equals);
    }

    /**
     * The problem answers already described: springdoc describes handlers that share a path and method (a read and
     * its {@code ?minVersion=} variant) as one operation, customizing it once per handler.
     */
    private static List<ProblemCase> described(Operation operation) {
        List<ProblemCase> described = new ArrayList<>();
        operation.getResponses().forEach((status, response) -> {
            MediaType media = response.getContent() == null ? null : response.getContent().get(MEDIA_TYPE);
            if (media != null && media.getExamples() != null) {
                media.getExamples().forEach((slug, example) -> described.add(new ProblemCase(
                        HttpStatus.valueOf(Integer.parseInt(status)), slug,
                        (String) ((Map<?, ?>) example.getValue()).get("detail"))));
            }
        });
        return described;
    }

    private static ApiResponse response(HttpStatus status, List<ProblemCase> facts) {
        List<String> types = facts.stream().map(fact -> ProblemTypes.type(fact.slug()).toString()).toList();
        Schema<?> schema = new Schema<>().allOf(List.of(
                new Schema<>().$ref(ProblemSchema.REF),
                new Schema<>().addProperty("type", new Schema<String>()._enum(types))));
        MediaType media = new MediaType().schema(schema);
        facts.forEach(fact -> media.addExamples(fact.slug(), new Example().summary(fact.slug()).value(example(fact))));
        return new ApiResponse()
                .description(status.getReasonPhrase() + ": " + String.join(", ",
                        facts.stream().map(ProblemCase::slug).toList()))
                .content(new Content().addMediaType(MEDIA_TYPE, media));
    }

    private static Map<String, Object> example(ProblemCase fact) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", ProblemTypes.type(fact.slug()).toString());
        example.put("title", ProblemTypes.title(fact.slug()));
        example.put("status", fact.status().value());
        example.put("detail", fact.when());
        return example;
    }
}
