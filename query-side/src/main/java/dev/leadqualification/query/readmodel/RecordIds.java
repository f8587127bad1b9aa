package dev.leadqualification.query.readmodel;

import dev.leadqualification.platform.web.ApiProblem;

import java.util.UUID;
import java.util.regex.Pattern;

/** Ids in request paths: every record id is a UUID, so anything else names no record (404). */
public final class RecordIds {

    // UUID.fromString alone would also accept short forms such as "1-2-3-4-5"
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private RecordIds() {
    }

    /** The id as a UUID; a 404 problem about {@code what} when it is not one. */
    public static UUID parse(String id, String what) {
        if (!UUID_TEXT.matcher(id).matches()) {
            throw ApiProblem.notFound(what, id);
        }
        return UUID.fromString(id);
    }
}
