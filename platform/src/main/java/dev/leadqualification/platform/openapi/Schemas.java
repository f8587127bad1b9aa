package dev.leadqualification.platform.openapi;

import io.swagger.v3.oas.models.media.Schema;

import java.util.Set;

/** Schemas written by hand for the API description, in OpenAPI 3.1's form. */
public final class Schemas {

    private Schemas() {
    }

    /** A schema of one JSON type. */
    public static <T> Schema<T> typed(String type) {
        Schema<T> schema = new Schema<>();
        schema.types(Set.of(type));
        return schema;
    }

    public static Schema<String> uuid() {
        return Schemas.<String>typed("string").format("uuid");
    }
}
