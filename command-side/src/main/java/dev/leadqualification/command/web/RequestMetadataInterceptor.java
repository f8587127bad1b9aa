package dev.leadqualification.command.web;

import dev.leadqualification.platform.eventstore.MetadataKeys;
import dev.leadqualification.platform.web.CorrelationIdFilter;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps commands sent while serving an HTTP request with the authenticated user and the request's
 * correlation id. Commands sent by the saga carry those of the event that caused them (correlation data).
 */
public class RequestMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> metadata = new HashMap<>();
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.isAuthenticated()) {
                metadata.put(MetadataKeys.ACTOR, authentication.getName());
            }
            String correlationId = CorrelationIdFilter.current();
            if (correlationId != null) {
                metadata.put(MetadataKeys.CORRELATION_ID, correlationId);
            }
            return metadata.isEmpty() ? command : command.andMetaData(MetaData.from(metadata));
        };
    }
}
