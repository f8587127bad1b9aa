package dev.leadqualification.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadqualification.platform.web.ProblemWriter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.util.List;
import java.util.regex.Pattern;

/**
 * HTTP Basic on every {@code /api/**} endpoint, users from {@code leads.security.users}; health is public.
 * No user exists unless configured. Refusals are problem answers: 401 with {@code WWW-Authenticate: Basic}, 403.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@AutoConfiguration(before = UserDetailsServiceAutoConfiguration.class)
@EnableConfigurationProperties(UsersProperties.class)
public class SecurityConfiguration {

    private static final Pattern ENCODED_PASSWORD = Pattern.compile("^\\{[a-zA-Z0-9_-]+}.+");

    @Bean
    public PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    public UserDetailsService configuredUsers(UsersProperties properties) {
        List<UserDetails> users = properties.getUsers().stream().map(SecurityConfiguration::toUserDetails).toList();
        return new InMemoryUserDetailsManager(users);
    }

    private static UserDetails toUserDetails(UsersProperties.User user) {
        if (user.getUsername() == null || user.getUsername().isBlank()) {
            throw new IllegalStateException("leads.security.users: every user needs a username");
        }
        if (user.getPassword() == null || !ENCODED_PASSWORD.matcher(user.getPassword()).matches()) {
            throw new IllegalStateException("leads.security.users: the password of '" + user.getUsername()
                    + "' must name its encoding, e.g. {bcrypt}$2a$10$... or {noop}secret");
        }
        String[] roles = user.getRoles().stream().map(String::trim).filter(r -> !r.isEmpty())
                .map(role -> Role.valueOf(role.toUpperCase()).name()).toArray(String[]::new);
        return User.withUsername(user.getUsername()).password(user.getPassword()).roles(roles).build();
    }

    @Bean
    public SecurityFilterChain apiSecurity(HttpSecurity http, ApiAuthorizationRules rules, ProblemWriter problems,
                                           ObjectMapper objectMapper) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"lead-qualification\"");
            problems.write(response, HttpStatus.UNAUTHORIZED, "unauthorized",
                    "Authentication is required: send HTTP Basic credentials of a configured user.");
        };
        AccessDeniedHandler forbidden = (request, response, e) -> problems.write(response, HttpStatus.FORBIDDEN,
                "forbidden", "Your role does not allow this request.");
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll();
                    rules.apply(requests);
                    requests.anyRequest().authenticated();
                })
                .build();
    }
}
