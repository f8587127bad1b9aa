package dev.leadqualification.platform.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Each service says which role may call which of its {@code /api/**} endpoints; the shared security
 * configuration adds authentication, problem answers, and denies whatever the rules leave open.
 */
@FunctionalInterface
public interface ApiAuthorizationRules {

    void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);
}
