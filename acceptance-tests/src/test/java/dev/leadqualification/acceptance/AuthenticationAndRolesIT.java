package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.Sales;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Problems.assertProblem;
import static dev.leadqualification.acceptance.support.User.ADA;
import static dev.leadqualification.acceptance.support.User.AUDREY;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;

/** HTTP Basic on every /api endpoint, the roles of API.md, and a public health check. */
class AuthenticationAndRolesIT {

    private static final String SETTINGS = "/api/settings/lead-qualification";

    private final Api api = Api.shared();
    private final Sales sales = new Sales(api);
    private final String leadId = UUID.randomUUID().toString();
    private final ObjectNode lead = Leads.minimal().put("leadId", leadId);

    @Test
    void withoutCredentialsBothSidesAskForBasicAuthentication() {
        assertAskedToAuthenticate(api.anonymous().post("/api/leads", lead));
        assertAskedToAuthenticate(api.anonymous().query("/api/leads"));

        sales.assertLeadIdFree(leadId);
    }

    @Test
    void aWrongPasswordIsRefusedOnBothSides() {
        assertAskedToAuthenticate(api.withPassword(SAM.username(), "not-" + SAM.password()).post("/api/leads", lead));
        assertAskedToAuthenticate(api.withPassword(SAM.username(), "not-" + SAM.password()).query("/api/leads"));

        sales.assertLeadIdFree(leadId);
    }

    @Test
    void anAuditorReadsButSendsNoCommand() {
        assertProblem(api.as(AUDREY).post("/api/leads", lead), 403);
        sales.assertLeadIdFree(leadId);

        Reply read = api.as(AUDREY).query("/api/leads/" + leadId);
        assertThat(read.status()).as("%s", read).isEqualTo(200);
    }

    @Test
    void onlyAnAdministratorSeesAndChangesTheSettings() {
        assertProblem(api.as(SAM).get(SETTINGS), 403);
        assertProblem(api.as(SAM).put(SETTINGS, object("createRecordsByDefault", true)), 403);

        Reply settings = api.as(ADA).get(SETTINGS);
        assertThat(settings.status()).as("%s", settings).isEqualTo(200);
        assertThat(settings.json().path("createRecordsByDefault").isBoolean()).as("%s", settings).isTrue();
    }

    @Test
    void healthIsPublicOnBothSides() {
        for (Reply health : new Reply[] {api.anonymous().get("/actuator/health"), api.anonymous().query("/actuator/health")}) {
            assertThat(health.status()).as("%s", health).isEqualTo(200);
            assertThat(health.json().path("status").asText()).as("%s", health).isEqualTo("UP");
        }
    }

    private static void assertAskedToAuthenticate(Reply reply) {
        assertProblem(reply, 401);
        assertThat(reply.header("WWW-Authenticate")).as("%s", reply).startsWith("Basic");
    }
}
