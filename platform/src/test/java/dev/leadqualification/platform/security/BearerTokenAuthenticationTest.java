package dev.leadqualification.platform.security;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.ResultMatcher;

import java.nio.file.Path;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bearer JWTs (configured by the standard public-key-location key) beside HTTP Basic with a bcrypt password. */
@WebMvcTest
@ContextConfiguration(classes = SecuredTestApi.class)
class BearerTokenAuthenticationTest {

    private static final TokenIssuer ISSUER = TokenIssuer.withNewKey();
    private static final Instant IN_AN_HOUR = Instant.now().plusSeconds(3600);

    @TempDir
    static Path keys;

    @Autowired
    private MockMvc mvc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
                () -> "file:" + ISSUER.writePublicKey(keys));
        registry.add("leads.security.users[0].username", () -> "bea");
        registry.add("leads.security.users[0].password", () -> "{bcrypt}" + new BCryptPasswordEncoder().encode("bea-secret"));
        registry.add("leads.security.users[0].roles", () -> "SALES");
    }

    @Test
    void aTokenNamesItsPreferredUsernameAndGrantsItsRoles() throws Exception {
        String token = ISSUER.token("id-1", "tina", List.of("SALES", "AUDITOR"), IN_AN_HOUR);

        withBearer(token, "/api/sales-only")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("tina"))
                .andExpect(jsonPath("$.authorities").value(contains("ROLE_AUDITOR", "ROLE_SALES")));
    }

    @Test
    void withoutAPreferredUsernameTheSubjectNamesTheUser() throws Exception {
        withBearer(ISSUER.token("id-2", null, List.of("SALES"), IN_AN_HOUR), "/api/me")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("id-2"));
    }

    @Test
    void unknownRolesAreIgnoredSoATokenWithoutAKnownRoleIsAuthenticatedButForbidden() throws Exception {
        String token = ISSUER.token("id-3", "olga", List.of("OWNER", "superuser"), IN_AN_HOUR);

        withBearer(token, "/api/me")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.authorities").isEmpty());
        withBearer(token, "/api/sales-only")
                .andExpectAll(problem(403, "forbidden"))
                .andExpectAll(securityHeaders());
    }

    @Test
    void rolesThatAreNotAListGrantNothing() throws Exception {
        String token = ISSUER.sign(new JWTClaimsSet.Builder().subject("id-4").claim("roles", "SALES")
                .expirationTime(Date.from(IN_AN_HOUR)).build());

        withBearer(token, "/api/sales-only").andExpectAll(problem(403, "forbidden"));
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String expired = ISSUER.token("id-5", "tina", List.of("SALES"), Instant.now().minusSeconds(600));

        assertTokenRefused(withBearer(expired, "/api/me"));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() throws Exception {
        String foreign = TokenIssuer.withNewKey().token("id-6", "tina", List.of("SALES"), IN_AN_HOUR);

        assertTokenRefused(withBearer(foreign, "/api/me"));
    }

    @Test
    void aMalformedTokenIsRefused() throws Exception {
        assertTokenRefused(withBearer("not-a-jwt", "/api/me"));
        String token = ISSUER.token("id-7", "tina", List.of("SALES"), IN_AN_HOUR);
        assertTokenRefused(withBearer(token.substring(0, token.length() - 5), "/api/me"));
    }

    @Test
    void aTokenThatNamesNobodyIsRefused() throws Exception {
        String anonymous = ISSUER.sign(new JWTClaimsSet.Builder().claim("roles", List.of("SALES"))
                .expirationTime(Date.from(IN_AN_HOUR)).build());

        assertTokenRefused(withBearer(anonymous, "/api/me"));
    }

    @Test
    void withoutCredentialsBothSchemesAreOfferedBasicFirst() throws Exception {
        mvc.perform(get("/api/me"))
                .andExpectAll(problem(401, "unauthorized"))
                .andExpect(header().stringValues(HttpHeaders.WWW_AUTHENTICATE,
                        "Basic realm=\"lead-qualification\"", "Bearer realm=\"lead-qualification\""))
                .andExpectAll(securityHeaders());
    }

    @Test
    void aBcryptPasswordWorksBesideTokens() throws Exception {
        mvc.perform(get("/api/sales-only").header(HttpHeaders.AUTHORIZATION, basic("bea", "bea-secret")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("bea"))
                .andExpect(jsonPath("$.authorities").value(contains("ROLE_SALES")))
                .andExpectAll(securityHeaders());
        mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, basic("bea", "not-bea-secret")))
                .andExpectAll(problem(401, "unauthorized"))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Basic ")));
    }

    private ResultActions withBearer(String token, String path) throws Exception {
        return mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static void assertTokenRefused(ResultActions answer) throws Exception {
        answer.andExpectAll(problem(401, "unauthorized"))
                .andExpect(header().stringValues(HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer realm=\"lead-qualification\", error=\"invalid_token\""))
                .andExpectAll(securityHeaders());
    }

    static ResultMatcher[] problem(int status, String slug) {
        return new ResultMatcher[] {
                status().is(status),
                content().contentTypeCompatibleWith("application/problem+json"),
                jsonPath("$.status").value(status),
                jsonPath("$.type").value("https://lead-qualification.dev/problems/" + slug)};
    }

    /** The headers Spring Security adds by default (HSTS only over HTTPS). */
    static ResultMatcher[] securityHeaders() {
        Map<String, String> expected = Map.of(
                "X-Content-Type-Options", "nosniff",
                "X-Frame-Options", "DENY",
                "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate",
                "Pragma", "no-cache",
                "Expires", "0",
                "X-XSS-Protection", "0");
        return expected.entrySet().stream()
                .map(entry -> header().string(entry.getKey(), entry.getValue()))
                .toArray(ResultMatcher[]::new);
    }
}
