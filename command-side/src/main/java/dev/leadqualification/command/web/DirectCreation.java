package dev.leadqualification.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.platform.web.InvalidRequest;

/**
 * The parts of a body that creates a customer record directly: the optional client-chosen id, the
 * record's details, and whether duplicate detection is suppressed for this create.
 */
public record DirectCreation<D>(String id, D details, boolean suppressDuplicateDetection) {

    public static <D> DirectCreation<D> read(ObjectNode body, String idField, Class<D> detailsType,
                                             RequestBodies bodies) {
        String id = bodies.takeId(body, idField);
        JsonNode suppress = body.remove("suppressDuplicateDetection");
        if (suppress != null && !suppress.isNull() && !suppress.isBoolean()) {
            throw new InvalidRequest("suppressDuplicateDetection", "must be true or false");
        }
        D details = bodies.readValid(body, detailsType);
        return new DirectCreation<>(id, details, suppress != null && suppress.asBoolean());
    }
}
