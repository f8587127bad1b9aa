package dev.leadqualification.platform.security;

import dev.leadqualification.platform.web.WebConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * A small API behind the platform's security and problem answers: {@code /api/me} for any authenticated user
 * (answers the name and authorities Spring Security sees), {@code /api/sales-only} for SALES.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({SecurityConfiguration.class, WebConfiguration.class})
@Import(SecuredTestApi.Me.class)
class SecuredTestApi {

    @Bean
    ApiAuthorizationRules salesOnly() {
        return requests -> requests.requestMatchers("/api/sales-only").hasRole(Role.SALES.name());
    }

    @RestController
    static class Me {

        @GetMapping("/api/me")
        Map<String, Object> me(Authentication user) {
            return Map.of("name", user.getName(),
                    "authorities", user.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
        }

        @GetMapping("/api/sales-only")
        Map<String, Object> salesOnly(Authentication user) {
            return me(user);
        }
    }
}
