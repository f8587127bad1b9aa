package dev.leadqualification.platform.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The API user a verified bearer JWT stands for: named by {@code preferred_username}, else {@code sub} (that name
 * is the actor events record); with the roles its {@code roles} claim lists ({@code SALES}, {@code ADMIN},
 * {@code AUDITOR}; other strings are ignored), as the same authorities a Basic user of those roles has.
 */
public class BearerTokenUsers implements Converter<Jwt, AbstractAuthenticationToken> {

    public static final String ROLES_CLAIM = "roles";
    public static final String PREFERRED_USERNAME_CLAIM = "preferred_username";

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String name = nonBlank(jwt.getClaimAsString(PREFERRED_USERNAME_CLAIM))
                .or(() -> nonBlank(jwt.getSubject()))
                // an anonymous token would record commands by nobody
                .orElseThrow(() -> new InvalidBearerTokenException("The token names no user."));
        return new JwtAuthenticationToken(jwt, authorities(jwt.getClaim(ROLES_CLAIM)), name);
    }

    private static List<GrantedAuthority> authorities(Object roles) {
        if (!(roles instanceof Collection<?> names)) {
            return List.of();
        }
        return names.stream()
                .filter(String.class::isInstance)
                .map(name -> Role.named((String) name))
                .flatMap(Optional::stream)
                .distinct()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority(role.authority()))
                .toList();
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(text -> !text.isBlank());
    }
}
