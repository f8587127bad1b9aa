package dev.leadqualification.command.ownership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.kernel.common.TextLimits;
import dev.leadqualification.platform.security.Role;
import dev.leadqualification.platform.security.UsersProperties;
import dev.leadqualification.platform.web.InvalidRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The users a record may be given to. Where users are configured ({@code leads.security.users}), an owner must be one
 * of them with the SALES or ADMIN role; every instance has the same configuration, so this is decided from it alone.
 * Without configured users (bearer tokens only) any user name is taken.
 */
@Component
public class Owners {

    public static final String FIELD = "ownerId";

    /** The configured users who may own records; null when no user is configured. */
    private final Set<String> assignable;

    public Owners(UsersProperties users) {
        this.assignable = users.getUsers().isEmpty() ? null : users.getUsers().stream()
                .filter(user -> user.getRoles().stream().map(Role::named)
                        .anyMatch(role -> role.filter(r -> r == Role.SALES || r == Role.ADMIN).isPresent()))
                .map(UsersProperties.User::getUsername)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Takes {@code ownerId} out of a create's body: the user it names, checked, else the requesting user (a record
     * belongs to its creator unless the create says otherwise).
     */
    public String takeOwner(ObjectNode body) {
        JsonNode named = body.remove(FIELD);
        if (named == null || named.isNull()) {
            return requester();
        }
        if (!named.isTextual()) {
            throw new InvalidRequest(FIELD, "must be a user name");
        }
        return check(FIELD, named.asText());
    }

    /** {@code ownerId}, if given, names a user who may own records; else 400 naming {@code field}. */
    public String check(String field, String ownerId) {
        if (ownerId == null) {
            return null;
        }
        if (ownerId.isBlank() || ownerId.length() > TextLimits.NAME) {
            throw new InvalidRequest(field, "must be a user name of 1 to " + TextLimits.NAME + " characters");
        }
        if (assignable != null && !assignable.contains(ownerId)) {
            throw new InvalidRequest(field, "names no user with the SALES or ADMIN role");
        }
        return ownerId;
    }

    private static String requester() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
