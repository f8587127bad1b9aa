package dev.leadqualification.command.ownership;

import dev.leadqualification.kernel.common.Forbidden;
import dev.leadqualification.platform.eventstore.MetadataKeys;
import dev.leadqualification.platform.security.Role;
import org.axonframework.messaging.MetaData;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who sent a command, as its metadata says: the user and their roles, stamped on every command sent for an HTTP
 * request (web.RequestMetadataInterceptor). A command without roles was sent by the system itself (a saga carrying
 * out what a user's command decided) and is not asked who sent it.
 */
record Actor(String name, Set<String> roles) {

    static Actor of(MetaData metaData) {
        Object roles = metaData.get(MetadataKeys.ACTOR_ROLES);
        Object name = metaData.get(MetadataKeys.ACTOR);
        return new Actor(name == null ? null : name.toString(), roles == null ? null
                : Arrays.stream(roles.toString().split(",")).map(String::trim).collect(Collectors.toUnmodifiableSet()));
    }

    /** An ADMIN changes any record; anyone else (SALES) only the records they own. */
    void requireMayChange(String ownerId) {
        if (roles == null || roles.contains(Role.ADMIN.name()) || (name != null && Objects.equals(name, ownerId))) {
            return;
        }
        throw new Forbidden("not-owner", ownerId == null
                ? "The record has no owner: only an ADMIN may change it (or assign it to someone)."
                : "The record belongs to " + ownerId + ": only its owner or an ADMIN may change it.");
    }
}
