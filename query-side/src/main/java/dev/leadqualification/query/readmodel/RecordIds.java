package dev.leadqualification.query.readmodel;

import dev.leadqualification.platform.web.ApiProblem;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Looks up the record a request path names. Every record id is a UUID, so anything else names no record either. */
public final class RecordIds {

    // UUID.fromString alone would also accept short forms such as "1-2-3-4-5"
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private RecordIds() {
    }

    /** The {@code what} (lead, account, ...) with this id; a 404 problem when the id is not a UUID or is unknown. */
    public static <T> T find(String id, String what, Function<UUID, Optional<T>> finder) {
        Optional<T> found = UUID_TEXT.matcher(id).matches() ? finder.apply(UUID.fromString(id)) : Optional.empty();
        return found.orElseThrow(() -> ApiProblem.notFound(what, id));
    }
}
