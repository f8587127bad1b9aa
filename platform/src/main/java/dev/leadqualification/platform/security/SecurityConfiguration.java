package dev.leadqualification.platform.security;

import dev.leadqualification.platform.openapi.ApiDescriptionConfiguration;
import dev.leadqualification.platform.web.ProblemWriter;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
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
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriterFilter;

import java.util.List;
import java.util.regex.Pattern;

/**
 * HTTP Basic on every {@code /api/**} endpoint, users from {@code leads.security.users}; health and the API's
 * description (OpenAPI, Swagger UI) are public, metrics as {@link PrometheusEndpointAccess} says.
 * No user exists unless configured. Besides, OAuth2 bearer JWTs when configured ({@link BearerTokenUsers}).
 * Refusals are problem answers: 401 with {@code WWW-Authenticate: Basic} (and {@code Bearer}), 403.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
// before Boot's resource server configuration, which would add a filter chain of its own if it saw none
@AutoConfiguration(before = {UserDetailsServiceAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class})
@EnableConfigurationProperties(UsersProperties.class)
public class SecurityConfiguration {

    private static final String REALM = "realm=\"lead-qualification\"";
    private static final Pattern ENCODED_PASSWORD = Pattern.compile("^\\{[a-zA-Z0-9_-]+}.+");

    /** Checks a password once per user and password, not on every request: see {@link VerifiedPasswords}. */
    @Bean
    public PasswordEncoder passwordEncoder() {
        return new VerifiedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    /**
     * The configured users, as a plain lookup: an {@link InMemoryUserDetailsManager} exposed as such would also be
     * a password-upgrade service, and Spring Security would then re-encode a {@code {noop}} password to bcrypt
     * at the first login, making every later request pay for a bcrypt check.
     */
    @Bean
    public UserDetailsService configuredUsers(UsersProperties properties) {
        List<UserDetails> users = properties.getUsers().stream().map(SecurityConfiguration::toUserDetails).toList();
        return new InMemoryUserDetailsManager(users)::loadUserByUsername;
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
                .map(role -> Role.named(role).orElseThrow(() -> new IllegalStateException("leads.security.users: '"
                        + user.getUsername() + "' has the unknown role '" + role + "'")).name())
                .toArray(String[]::new);
        return User.withUsername(user.getUsername()).password(user.getPassword()).roles(roles).build();
    }

    /**
     * Bearer JWTs are accepted only when Spring Boot made a {@link JwtDecoder} from one of the standard
     * {@code spring.security.oauth2.resourceserver.jwt.*} keys (public-key-location, issuer-uri, jwk-set-uri).
     */
    @Bean
    public SecurityFilterChain apiSecurity(HttpSecurity http, ApiAuthorizationRules rules, ProblemWriter problems,
                                           ObjectProvider<JwtDecoder> jwtDecoder, Environment environment)
            throws Exception {
        JwtDecoder bearerTokens = jwtDecoder.getIfAvailable();
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic " + REALM);
            if (bearerTokens != null) {
                response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer " + REALM);
            }
            problems.write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication is required: send "
                    + (bearerTokens != null ? "HTTP Basic credentials or a bearer token." : "HTTP Basic credentials."));
        };
        AccessDeniedHandler forbidden = (request, response, e) -> problems.write(response, HttpStatus.FORBIDDEN,
                "forbidden", "Your role does not allow this request.");
        if (bearerTokens != null) {
            // One answer for every refusal: the token library's reason (which may quote the token) is not echoed.
            AuthenticationEntryPoint tokenRefused = (request, response, e) -> {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer " + REALM + ", error=\"invalid_token\"");
                problems.write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "The bearer token was refused: it"
                        + " is expired, malformed, not signed by a trusted key, or names no user.");
            };
            http.oauth2ResourceServer(server -> server
                    .jwt(jwt -> jwt.decoder(bearerTokens).jwtAuthenticationConverter(new BearerTokenUsers()))
                    .authenticationEntryPoint(tokenRefused));
        }
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll();
                    PrometheusEndpointAccess.apply(requests, environment);
                    requests.requestMatchers(ApiDescriptionConfiguration.PUBLIC_PATHS).permitAll();
                    rules.apply(requests);
                    requests.anyRequest().authenticated();
                })
                .build();
    }

    /**
     * A request the security firewall rejects (odd characters in the path, ...) is a 400, not a 500, with the
     * headers the chain's own header writer gives every other answer (the firewall acts before the chain).
     */
    @Bean
    public RequestRejectedHandler problemRequestRejectedHandler(SecurityFilterChain apiSecurity, ProblemWriter problems) {
        Filter securityHeaders = apiSecurity.getFilters().stream().filter(HeaderWriterFilter.class::isInstance)
                .findFirst().orElseThrow();
        return (request, response, rejected) -> securityHeaders.doFilter(request, response, (req, answer) ->
                problems.write((HttpServletResponse) answer, HttpStatus.BAD_REQUEST, "malformed-request",
                        "The request was rejected as malformed."));
    }
}
