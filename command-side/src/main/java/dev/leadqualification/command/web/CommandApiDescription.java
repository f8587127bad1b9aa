package dev.leadqualification.command.web;

import dev.leadqualification.command.idempotency.IdempotencyFilter;
import dev.leadqualification.kernel.common.TextLimits;
import dev.leadqualification.platform.openapi.ProblemCase;
import dev.leadqualification.platform.openapi.Schemas;
import dev.leadqualification.platform.openapi.ServiceProblemCases;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.leadqualification.platform.openapi.Schemas.typed;
import static dev.leadqualification.platform.openapi.Schemas.uuid;

/**
 * What the OpenAPI description of the command API says beyond what springdoc reads from the controllers: the
 * bodies read as JSON trees ({@link RequestBodyShape}); a command's {@code Idempotency-Key} (with its refusals, and
 * {@code Idempotent-Replayed} on a repeat's answer); the record's new version as {@code ETag} on every
 * {@link CommandAnswers} answer; {@code Location} on a 201 of a POST to a collection (a note, created inside its
 * lead, has none).
 */
@Component
class CommandApiDescription implements GlobalOperationComponentsCustomizer, ServiceProblemCases {

    /** The fields a {@link RequestBodyShape} may add, as its controller reads them. */
    static final Map<String, Schema<?>> ADDED_FIELDS = Map.of(
            "leadId", chosenId(), "accountId", chosenId(), "contactId", chosenId(),
            "ownerId", typed("string").minLength(1).maxLength(TextLimits.NAME)
                    .description("The user who owns the record (a configured SALES or ADMIN user); default: you."),
            "suppressDuplicateDetection", typed("boolean")
                    .description("true: create the record even if it matches a published duplicate rule."),
            "leadIds", typed("array").items(uuid()).minItems(1).maxItems(1000)
                    .description("The leads to qualify (a lead named twice is qualified once)."));
    private static final Set<String> REQUIRED_ADDED_FIELDS = Set.of("leadIds");

    @Override
    public Operation customize(Operation operation, Components components, HandlerMethod handler) {
        RequestBodyShape shape = handler.getMethodAnnotation(RequestBodyShape.class);
        if (shape != null) {
            describeBody(operation, components, shape);
        }
        if (isCommand(handler)) {
            operation.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                    .schema(typed("string").pattern("^[\\x21-\\x7E]{1,255}$"))
                    .description("Executes the command at most once per user and key: a repeat gets the first"
                            + " answer again (with Idempotent-Replayed: true)."));
        }
        operation.getResponses().forEach((status, response) -> describeHeaders(handler, status, response));
        return operation;
    }

    /** springdoc calls the variant with the components. */
    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        return operation;
    }

    @Override
    public List<ProblemCase> of(Operation operation, HandlerMethod handler) {
        List<ProblemCase> cases = new ArrayList<>();
        if (isCommand(handler)) {
            cases.add(new ProblemCase(HttpStatus.CONFLICT, "concurrent-modification", "The record was being changed"
                    + " by other requests at the same time; nothing was changed. Try again."));
            cases.add(new ProblemCase(HttpStatus.CONFLICT, "request-in-progress",
                    "A request with this Idempotency-Key is still being processed; repeat it in a moment."));
            cases.add(new ProblemCase(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                    "This Idempotency-Key was used for another request; use a new key for a new request."));
        }
        return cases;
    }

    private static void describeBody(Operation operation, Components components, RequestBodyShape shape) {
        ModelConverters.getInstance(true).readAll(new AnnotatedType(shape.value()))
                .forEach((name, schema) -> {
                    if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
                        components.addSchemas(name, schema);
                    }
                });
        Schema<?> added = typed("object");
        for (String field : shape.plus()) {
            added.addProperty(field, ADDED_FIELDS.get(field));
            if (REQUIRED_ADDED_FIELDS.contains(field)) {
                added.addRequiredItem(field);
            }
        }
        List.of(shape.required()).forEach(added::addRequiredItem);
        Schema<?> reference = new Schema<>().$ref("#/components/schemas/" + shape.value().getSimpleName());
        Schema<?> body = shape.plus().length == 0 && shape.required().length == 0 ? reference
                : new Schema<>().allOf(List.of(reference, added));
        operation.getRequestBody().getContent().values().forEach(media -> media.setSchema(body));
    }

    private static void describeHeaders(HandlerMethod handler, String status, ApiResponse response) {
        if (!status.startsWith("2")) {
            return;
        }
        if (ResponseEntity.class.isAssignableFrom(handler.getReturnType().getParameterType())) {
            response.addHeaderObject(HttpHeaders.ETAG, new Header().schema(typed("string").pattern("^\"\\d+\"$"))
                    .description("The record's new version, e.g. \"3\": the query side's ?minVersion= waits for it."));
        }
        if (status.equals("201") && paths(handler).stream().noneMatch(path -> path.contains("{"))) {
            response.addHeaderObject(HttpHeaders.LOCATION, new Header().schema(typed("string").format("uri-reference"))
                    .description("The created record's address."));
        }
        if (isCommand(handler)) {
            response.addHeaderObject("Idempotent-Replayed", new Header().schema(typed("string")._enum(List.of("true")))
                    .description("Present on the first answer given again to a repeat with the same Idempotency-Key."));
        }
    }

    /** Anything but a read sends commands, each run at most once per Idempotency-Key ({@link IdempotencyFilter}). */
    private static boolean isCommand(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping != null && Arrays.stream(mapping.method()).noneMatch(RequestMethod.GET::equals);
    }

    /** The paths the handler answers: its class's prefix (if any) followed by its method's. */
    private static List<String> paths(HandlerMethod handler) {
        RequestMapping type = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
        RequestMapping method = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        List<String> prefixes = type == null || type.path().length == 0 ? List.of("") : List.of(type.path());
        List<String> suffixes = method == null || method.path().length == 0 ? List.of("") : List.of(method.path());
        List<String> paths = new ArrayList<>();
        prefixes.forEach(prefix -> suffixes.forEach(suffix -> paths.add(prefix + suffix)));
        return paths;
    }

    private static Schema<String> chosenId() {
        return uuid().description("The record's id, chosen by the client; a new one when absent.");
    }


}
