package dev.leadqualification.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.List;

import static dev.leadqualification.platform.security.BearerTokenAuthenticationTest.problem;
import static dev.leadqualification.platform.security.BearerTokenAuthenticationTest.securityHeaders;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

/** Without any spring.security.oauth2.resourceserver.jwt.* key, bearer tokens are off: HTTP Basic only. */
@WebMvcTest(properties = {
        "leads.security.users[0].username=sam",
        "leads.security.users[0].password={noop}sam-secret",
        "leads.security.users[0].roles=SALES"})
@ContextConfiguration(classes = SecuredTestApi.class)
class BasicOnlyAuthenticationTest {

    @Autowired
    private MockMvc mvc;

    @Test
    void aBearerTokenIsNotAcceptedAndOnlyBasicIsOffered() throws Exception {
        String token = TokenIssuer.withNewKey().token("id-1", "sam", List.of("SALES"), Instant.now().plusSeconds(3600));

        mvc.perform(get("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpectAll(problem(401, "unauthorized"))
                .andExpect(header().stringValues(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"lead-qualification\""))
                .andExpectAll(securityHeaders());
    }
}
