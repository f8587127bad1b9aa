package dev.leadqualification.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadqualification.platform.security.ApiAuthorizationRules;
import dev.leadqualification.platform.security.Role;
import dev.leadqualification.platform.web.ProblemWriter;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The command API's roles and body reading, and the metadata its commands carry. */
@Configuration
public class CommandWebConfiguration {

    public CommandWebConfiguration(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(new RequestMetadataInterceptor());
    }

    /** Request bodies are read strictly (duplicated keys, numbers out of range: 400); answers are written as usual. */
    @Bean
    public RequestJsonConverter requestJsonConverter(ObjectMapper objectMapper) {
        return new RequestJsonConverter(objectMapper);
    }

    /** After authentication, so a caller without credentials learns that first. */
    @Bean
    public FilterRegistrationBean<WildcardContentTypeFilter> wildcardContentTypeFilter(ProblemWriter problems) {
        FilterRegistrationBean<WildcardContentTypeFilter> registration =
                new FilterRegistrationBean<>(new WildcardContentTypeFilter(problems));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    /** SALES and ADMIN send commands; settings, duplicate rules and imports are ADMIN's; AUDITOR sends none. */
    @Bean
    public ApiAuthorizationRules commandAuthorization() {
        return requests -> requests
                .requestMatchers("/api/settings/**", "/api/duplicate-rules/**", "/api/import/**").hasRole(Role.ADMIN.name())
                .requestMatchers("/api/**").hasAnyRole(Role.SALES.name(), Role.ADMIN.name());
    }
}
