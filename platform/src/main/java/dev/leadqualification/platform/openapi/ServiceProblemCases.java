package dev.leadqualification.platform.openapi;

import io.swagger.v3.oas.models.Operation;
import org.springframework.web.method.HandlerMethod;

import java.util.List;

/** The problem answers a service's own machinery adds to some of its operations (e.g. a filter's refusals). */
@FunctionalInterface
public interface ServiceProblemCases {

    List<ProblemCase> of(Operation operation, HandlerMethod handler);
}
