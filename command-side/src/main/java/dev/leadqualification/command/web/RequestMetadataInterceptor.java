package dev.leadqualification.command.web;

import dev.leadqualification.platform.eventstore.MetadataKeys;
import dev.leadqualification.platform.web.CorrelationIdFilter;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Stamps commands sent while serving an HTTP request with the authenticated user, their roles (which the ownership
 * check reads: ownership.OwnedRecord) and the request's correlation id. Commands sent by the saga carry the user and
 * correlation id of the event that caused them (correlation data), and no roles.
 */
public class RequestMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private static final String ROLE_PREFIX = "ROLE_";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> metadata = new HashMap<>();
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.isAuthenticated()) {
                metadata.put(MetadataKeys.ACTOR, authentication.getName());
                metadata.put(MetadataKeys.ACTOR_ROLES, authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .filter(authority -> authority.startsWith(ROLE_PREFIX))
                        .map(authority -> authority.substring(ROLE_PREFIX.length()))
                        .collect(Collectors.joining(",")));
            }
            String correlationId = CorrelationIdFilter.current();
            if (correlationId != null) {
                metadata.put(MetadataKeys.CORRELATION_ID, correlationId);
            }
            return metadata.isEmpty() ? command : command.andMetaData(MetaData.from(metadata));
        };
    }
}
