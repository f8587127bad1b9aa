package dev.leadqualification.query.readmodel;

import org.springframework.security.core.context.SecurityContextHolder;

/** The owner a list's {@code ?owner=} names: a user name, or {@code me} for the user who asks. */
public final class OwnerParameter {

    public static final String NAME = "owner";
    public static final String ME = "me";

    private OwnerParameter() {
    }

    /** The user name to filter on; null (no filter) when the parameter is absent or blank. */
    public static String resolve(String owner) {
        if (owner == null || owner.isBlank()) {
            return null;
        }
        return ME.equals(owner) ? SecurityContextHolder.getContext().getAuthentication().getName() : owner;
    }
}
