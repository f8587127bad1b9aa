package dev.leadqualification.query.description;

import dev.leadqualification.query.history.RecordHistoryController;
import dev.leadqualification.platform.openapi.ProblemCase;
import dev.leadqualification.platform.openapi.Schemas;
import dev.leadqualification.platform.openapi.ServiceProblemCases;
import dev.leadqualification.query.consistency.MinVersionReads;
import dev.leadqualification.query.readmodel.OwnerParameter;
import dev.leadqualification.query.readmodel.PageRequest;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What the OpenAPI description of the query API says beyond what springdoc reads from the controllers. A read
 * with {@code ?minVersion=} or {@code ?asOf=} is a handler of its own ({@code params} condition) on the record's
 * path: in the description it is the same operation, where those parameters are optional; a {@code minVersion}
 * read answers with the record's own schema (its handler's is untyped) or 503 {@code not-yet-consistent}. A list's
 * {@link PageRequest} is the query parameters {@code page} and {@code size}.
 */
@Component
class QueryApiDescription implements GlobalOperationCustomizer, ServiceProblemCases {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(PageRequest.class);
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Set<String> variantParameters = variantParameters(handler);
        if (operation.getParameters() != null) {
            operation.getParameters().stream().filter(parameter -> "query".equals(parameter.getIn()))
                    .forEach(parameter -> describe(parameter, variantParameters));
        }
        if (!variantParameters.isEmpty() && answersUntyped(handler)) {
            keepTypedAnswer(operation);
        }
        if (Arrays.asList(handler.getMethod().getParameterTypes()).contains(PageRequest.class)) {
            operation.addParametersItem(new QueryParameter().name("page").required(false).description("From 0.")
                    .schema(Schemas.<Integer>typed("integer").format("int32").minimum(java.math.BigDecimal.ZERO)
                            ._default(0)));
            operation.addParametersItem(new QueryParameter().name("size").required(false)
                    .schema(Schemas.<Integer>typed("integer").format("int32").minimum(java.math.BigDecimal.ONE)
                            .maximum(java.math.BigDecimal.valueOf(PageRequest.MAX_SIZE))
                            ._default(PageRequest.DEFAULT_SIZE)));
        }
        return operation;
    }

    @Override
    public List<ProblemCase> of(Operation operation, HandlerMethod handler) {
        return variantParameters(handler).contains(MinVersionReads.PARAMETER)
                ? List.of(new ProblemCase(HttpStatus.SERVICE_UNAVAILABLE, MinVersionReads.NOT_YET_CONSISTENT,
                "The read model has not applied version 7 of the lead within 5 s; try again."))
                : List.of();
    }

    private static void describe(Parameter parameter, Set<String> variantParameters) {
        if (variantParameters.contains(parameter.getName())) {
            parameter.setRequired(false);
        }
        if (parameter.getName().equals(MinVersionReads.PARAMETER)) {
            parameter.description("Wait up to 5 s until the read model has applied this version (a command's ETag)")
                    .schema(Schemas.<Long>typed("integer").format("int64").minimum(java.math.BigDecimal.ZERO));
        } else if (parameter.getName().equals(RecordHistoryController.AS_OF)) {
            parameter.description("The record as it stood at this instant, rebuilt from its events")
                    .schema(Schemas.typed("string").format("date-time"));
        } else if (parameter.getName().equals(OwnerParameter.NAME)) {
            parameter.description("Only the records this user owns; `" + OwnerParameter.ME + "`: yours");
        }
    }

    /**
     * The variant's own answer is untyped ({@code {"type": "object"}}): springdoc describes it alone, or beside the
     * plain read's as one of two; the plain read's is the one.
     */
    @SuppressWarnings("rawtypes")
    private static void keepTypedAnswer(Operation operation) {
        ApiResponse ok = operation.getResponses().get("200");
        if (ok == null || ok.getContent() == null) {
            return;
        }
        ok.getContent().values().forEach(media -> {
            Schema<?> schema = media.getSchema();
            if (schema != null && schema.getOneOf() != null) {
                List<Schema> typed = schema.getOneOf().stream().filter(choice -> choice.get$ref() != null).toList();
                media.setSchema(typed.size() == 1 ? typed.get(0) : schema);
            }
        });
        boolean untyped = ok.getContent().values().stream().allMatch(media -> media.getSchema() == null
                || media.getSchema().get$ref() == null && media.getSchema().getOneOf() == null);
        if (untyped) {
            operation.getResponses().remove("200");
        }
    }

    /** The query parameters whose presence selects this handler ({@code params = "minVersion"}). */
    private static Set<String> variantParameters(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping == null ? Set.of() : Arrays.stream(mapping.params()).filter(name -> !name.startsWith("!"))
                .collect(java.util.stream.Collectors.toSet());
    }

    /** {@code CompletableFuture<ResponseEntity<Object>>}: a record or a problem, decided at run time. */
    private static boolean answersUntyped(HandlerMethod handler) {
        ResolvableType answer = ResolvableType.forMethodReturnType(handler.getMethod());
        if (CompletableFuture.class.isAssignableFrom(answer.toClass())) {
            answer = answer.getGeneric(0);
        }
        if (ResponseEntity.class.isAssignableFrom(answer.toClass())) {
            answer = answer.getGeneric(0);
        }
        return answer.toClass() == Object.class;
    }
}
