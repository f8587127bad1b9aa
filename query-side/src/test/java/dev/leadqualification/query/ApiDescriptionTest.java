package dev.leadqualification.query;

import dev.leadqualification.platform.testing.CommittedApiDescription;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The served OpenAPI description, without credentials, is the one committed at openapi/query-side.json. */
class ApiDescriptionTest extends QuerySideTest {

    @Test
    void theCommittedDescriptionIsTheServedOne() throws Exception {
        ResponseEntity<String> served = rest.getForEntity("/v3/api-docs", String.class);
        assertThat(served.getStatusCode().value()).isEqualTo(200);
        CommittedApiDescription.of("query-side").check(served.getBody());
    }

    @Test
    void swaggerUiAnswersWithoutCredentials() {
        assertThat(rest.getForEntity("/swagger-ui/index.html", String.class).getStatusCode().value()).isEqualTo(200);
    }
}
