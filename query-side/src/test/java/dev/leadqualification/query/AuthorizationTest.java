package dev.leadqualification.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizationTest extends QuerySideTest {

    @Test
    void everyRoleReadsTheQueryApi() {
        for (String user : new String[]{SALES, ADMIN, AUDITOR}) {
            assertThat(get(user, "/api/leads").getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void administrationIsForAdminsOnly() {
        assertForbidden(SALES, "/api/admin/anything");
        assertForbidden(AUDITOR, "/api/admin/projections");
        assertThat(get(ADMIN, "/api/admin/anything").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void auditEndpointsAreForAuditorsAndAdmins() {
        assertForbidden(SALES, "/api/leads/" + newId() + "/history");
        assertForbidden(SALES, "/api/events");
    }

    @Test
    void anonymousOrWrongCredentialsAreAskedToAuthenticate() {
        ResponseEntity<JsonNode> anonymous = rest.getForEntity("/api/leads", JsonNode.class);
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        assertThat(rest.withBasicAuth(SALES, "wrong").getForEntity("/api/leads", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.getForEntity("/actuator/health", JsonNode.class).getBody().path("status").asText()).isEqualTo("UP");
    }

    private void assertForbidden(String user, String path) {
        ResponseEntity<JsonNode> answer = get(user, path);
        assertThat(answer.getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(answer.getBody().path("type").asText()).endsWith("/forbidden");
    }
}
