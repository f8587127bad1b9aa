package dev.leadqualification.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.command.creation.FreshIds;
import dev.leadqualification.platform.web.InvalidRequest;

/**
 * The parts of a body that creates a customer record directly: the record's id (the client's, else a new one:
 * {@code idChosen} tells which), the record's details, and whether duplicate detection is suppressed for this create.
 */
public record DirectCreation<D>(String id, boolean idChosen, D details, boolean suppressDuplicateDetection) {

    public static <D> DirectCreation<D> read(ObjectNode body, String idField, Class<D> detailsType,
                                             RequestBodies bodies) {
        boolean idChosen = body.hasNonNull(idField);
        String id = bodies.takeId(body, idField);
        JsonNode suppress = body.remove("suppressDuplicateDetection");
        if (suppress != null && !suppress.isNull() && !suppress.isBoolean()) {
            throw new InvalidRequest("suppressDuplicateDetection", "must be true or false");
        }
        D details = bodies.readValid(body, detailsType);
        return new DirectCreation<>(id, idChosen, details, suppress != null && suppress.asBoolean());
    }

    /** This create with duplicate detection suppressed (an import's request may suppress it for all its lines). */
    public DirectCreation<D> suppressingDuplicateDetection() {
        return new DirectCreation<>(id, idChosen, details, true);
    }

    /**
     * {@code command}, which creates this record, as it is sent: under a new id, a creation under a fresh id (no
     * record can have it, so nothing is read); under the client's, one that may find the record already there.
     */
    public Object send(Object command) {
        return idChosen ? command : FreshIds.creating(command, id);
    }
}
