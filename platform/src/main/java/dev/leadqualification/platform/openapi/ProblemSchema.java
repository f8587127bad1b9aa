package dev.leadqualification.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Schema;

import java.util.List;

import static dev.leadqualification.platform.openapi.Schemas.typed;
import static dev.leadqualification.platform.openapi.Schemas.uuid;

/**
 * The schema of every problem answer: RFC 9457's members and the extensions API.md names ({@code errors} of a
 * validation problem, {@code choices} of a required choice, the matches of {@code duplicates-found}, the open
 * opportunities of {@code lead-has-opportunity}).
 */
final class ProblemSchema {

    static final String NAME = "ProblemDetail";
    static final String REF = "#/components/schemas/" + NAME;

    private ProblemSchema() {
    }

    static void register(Components components) {
        components.addSchemas("FieldError", typed("object")
                .description("One invalid field of a validation problem.")
                .addProperty("field", typed("string").description("The field's JSON path, e.g. address.city."))
                .addProperty("message", typed("string"))
                .required(List.of("field", "message")));
        components.addSchemas("DuplicateMatchView", typed("object")
                .description("An existing account (accountId, name) or contact (contactId, fullName) that the record"
                        + " about to be created may duplicate, with the rules it matched by.")
                .addProperty("accountId", uuid())
                .addProperty("contactId", uuid())
                .addProperty("name", typed("string"))
                .addProperty("fullName", typed("string"))
                .addProperty("email", typed("string"))
                .addProperty("phone", typed("string"))
                .addProperty("city", typed("string"))
                .addProperty("createdAt", typed("string").format("date-time"))
                .addProperty("matchedRules", typed("array").items(typed("string")))
                .required(List.of("matchedRules")));
        components.addSchemas(NAME, typed("object")
                .description("An RFC 9457 problem. `type` ends with the slug that names the problem, e.g."
                        + " .../lead-closed; the extensions are present where the slug says.")
                .addProperty("type", typed("string").format("uri"))
                .addProperty("title", typed("string"))
                .addProperty("status", typed("integer").format("int32"))
                .addProperty("detail", typed("string"))
                .addProperty("instance", typed("string").format("uri-reference"))
                .addProperty("errors", typed("array").items(new Schema<>().$ref("#/components/schemas/FieldError"))
                        .description("validation: the invalid fields."))
                .addProperty("choices", typed("array").items(Schemas.<String>typed("string")
                                ._enum(List.of("ACCOUNT", "CONTACT", "OPPORTUNITY")))
                        .description("record-selection-required: the records the request must choose from."))
                .addProperty("experience", Schemas.<String>typed("string")._enum(List.of("MAY_ALREADY_EXIST", "DUPLICATE_WARNING"))
                        .description("duplicates-found: how the warning is shown."))
                .addProperty("matchedAccounts", matches("duplicates-found: the accounts that may already exist."))
                .addProperty("matchedContacts", matches("duplicates-found: the contacts that may already exist."))
                .addProperty("opportunityIds", typed("array").items(uuid())
                        .description("lead-has-opportunity: the lead's open opportunities, to close first."))
                .required(List.of("type", "title", "status")));
    }

    private static Schema<?> matches(String description) {
        return typed("array").items(new Schema<>().$ref("#/components/schemas/DuplicateMatchView"))
                .description(description);
    }


}
