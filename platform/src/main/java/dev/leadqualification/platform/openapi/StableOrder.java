package dev.leadqualification.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import java.util.Comparator;
import java.util.List;

/**
 * Each operation's parameters in one order (path, query, header; by name within each): springdoc merges handlers
 * that share a path and method in whatever order it meets them, and the committed description must not change
 * with that order.
 */
class StableOrder implements GlobalOpenApiCustomizer {

    private static final List<String> PLACES = List.of("path", "query", "header", "cookie");

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().sort(Comparator
                        .comparing((Parameter parameter) -> PLACES.indexOf(parameter.getIn()))
                        .thenComparing(Parameter::getName));
            }
        }));
    }
}
