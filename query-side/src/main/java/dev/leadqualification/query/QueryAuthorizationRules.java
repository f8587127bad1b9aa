package dev.leadqualification.query;

import dev.leadqualification.platform.security.ApiAuthorizationRules;
import dev.leadqualification.platform.security.Role;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may read what (API.md): the audit endpoints are for auditors and admins, administration for admins. */
@Component
public class QueryAuthorizationRules implements ApiAuthorizationRules {

    @Override
    public void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers("/api/leads/*/history", "/api/opportunities/*/history", "/api/events")
                .hasAnyRole(Role.AUDITOR.name(), Role.ADMIN.name());
        requests.requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name());
        requests.requestMatchers(HttpMethod.GET, "/api/**")
                .hasAnyRole(Role.SALES.name(), Role.ADMIN.name(), Role.AUDITOR.name());
    }
}
