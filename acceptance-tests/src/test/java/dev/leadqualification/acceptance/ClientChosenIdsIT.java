package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Sales;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Problems.assertProblem;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client may choose the id of what it creates: the same create again (a retry) is answered as the first
 * time and creates nothing more; the same id with another body is a conflict.
 */
class ClientChosenIdsIT {

    private final Api api = Api.shared();
    private final Sales sales = new Sales(api);
    private final String id = UUID.randomUUID().toString();
    private final String token = Leads.token();

    @Test
    void repeatingALeadCreateCreatesOneLead() {
        ObjectNode lead = Leads.complete().put("leadId", id).put("lastName", "Retry-" + token);
        assertThat(sales.createLead(lead)).isEqualTo(id);
        JsonNode before = sales.settledLead(id);

        assertThat(sales.createLead(lead)).isEqualTo(id);

        sales.assertUnchangedSince(before);
        assertThat(api.awaitFound("/api/leads?q=" + token)).isEqualTo(1);
    }

    @Test
    void theSameLeadIdWithAnotherBodyIsAConflict() {
        assertThat(sales.createLead(Leads.complete().put("leadId", id))).isEqualTo(id);
        JsonNode before = sales.settledLead(id);

        assertProblem(api.as(SAM).post("/api/leads", Leads.complete().put("leadId", id)), 409);

        sales.assertUnchangedSince(before);
    }

    @Test
    void repeatingAnAccountCreateCreatesOneAccount() {
        ObjectNode account = account("Northwind " + token);
        assertThat(sales.createAccount(account)).isEqualTo(id);

        assertThat(sales.createAccount(account)).isEqualTo(id);

        assertThat(api.awaitFound("/api/accounts?q=" + token)).isEqualTo(1);
    }

    @Test
    void theSameAccountIdWithAnotherBodyIsAConflict() {
        assertThat(sales.createAccount(account("Northwind " + token))).isEqualTo(id);

        assertProblem(api.as(SAM).post("/api/accounts", account("Southwind " + token)), 409);

        assertThat(api.awaitRecord("/api/accounts/" + id).path("name").asText()).isEqualTo("Northwind " + token);
        assertThat(api.awaitFound("/api/accounts?q=" + token)).isEqualTo(1);
    }

    private ObjectNode account(String name) {
        return object("accountId", id, "name", name, "email", "orders@" + token + ".example");
    }
}
