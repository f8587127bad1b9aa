package dev.leadqualification.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A field that a schema does not require may be {@code null}: the read models answer an unknown value as
 * {@code null}, and a merge patch clears a field with it. OpenAPI 3.1 says so with the type {@code "null"} beside the
 * field's own (and {@code null} among an enum's values, or a reference as one of two choices).
 */
class NullableFields implements GlobalOpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
            return;
        }
        api.getComponents().getSchemas().values().forEach(NullableFields::optionalMayBeNull);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void optionalMayBeNull(Schema<?> schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        properties.replaceAll((name, property) -> required.contains(name) ? property : nullable(property));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullable(Schema property) {
        if (property.get$ref() != null) {
            return new Schema<>().oneOf(List.of(new Schema<>().$ref(property.get$ref()), Schemas.typed("null")))
                    .description(property.getDescription());
        }
        Set<String> types = property.getTypes();
        if (types == null || types.isEmpty() || types.contains("null")) {
            return property;
        }
        Set<String> withNull = new LinkedHashSet<>(types);
        withNull.add("null");
        property.setTypes(withNull);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List<Object> values = new ArrayList<>(property.getEnum());
            values.add(null);
            property.setEnum(values);
        }
        return property;
    }
}
