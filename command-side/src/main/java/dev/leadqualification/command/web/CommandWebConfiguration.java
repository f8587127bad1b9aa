package dev.leadqualification.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadqualification.command.importing.ImportController;
import dev.leadqualification.command.importing.ImportProperties;
import dev.leadqualification.platform.security.ApiAuthorizationRules;
import dev.leadqualification.platform.security.Role;
import dev.leadqualification.platform.web.ProblemWriter;
import dev.leadqualification.platform.web.RequestBodyLimits;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** The command API's roles, body limits and body reading, and the metadata its commands carry. */
@Configuration
public class CommandWebConfiguration {

    public CommandWebConfiguration(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(new RequestMetadataInterceptor());
    }

    /**
     * Notes carry attachments of up to 5 MiB, which base64 makes about 6.7 MiB of JSON. Imports are read line by
     * line as they arrive (each line limited on its own), so their bodies may be as large as configured.
     */
    @Bean
    public RequestBodyLimits requestBodyLimits(ImportProperties imports) {
        return RequestBodyLimits.of(DataSize.ofMegabytes(1).toBytes())
                .withLimit("/api/leads/*/notes", DataSize.ofMegabytes(8).toBytes())
                .withLimit(ImportController.PATHS, imports.maxBodySize().toBytes());
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
