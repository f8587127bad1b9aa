package dev.leadqualification.query.account;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.kernel.account.AccountCreated;
import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.query.QuerySideTest;
import dev.leadqualification.query.SampleData;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class AccountQueryTest extends QuerySideTest {

    @Test
    void showsAnAccountFromALeadAndFindsAccountsByNameOrEmail() {
        String name = "Contoso " + newId().substring(0, 8);
        String fromLead = newId();
        String leadId = newId();
        append("Account", fromLead, new AccountCreated(fromLead, new AccountDetails(name + " Holding", "info@contoso.example",
                "+31 10 000 0000", "https://contoso.example", SampleData.ADDRESS), leadId, "sam"));
        String direct = newId();
        append("Account", direct, new AccountCreated(direct,
                new AccountDetails("Fabrikam", name.replace(' ', '.') + "@fabrikam.example", null, null, null), null, "sam"));

        JsonNode account = eventually("/api/accounts/" + fromLead, json -> assertThat(json.path("accountId").asText()).isEqualTo(fromLead));
        assertThat(account.path("name").asText()).isEqualTo(name + " Holding");
        assertThat(account.path("email").asText()).isEqualTo("info@contoso.example");
        assertThat(account.path("phone").asText()).isEqualTo("+31 10 000 0000");
        assertThat(account.path("website").asText()).isEqualTo("https://contoso.example");
        assertThat(account.path("address").path("postalCode").asText()).isEqualTo("3011 AA");
        assertThat(account.path("originatingLeadId").asText()).isEqualTo(leadId);
        assertThat(account.path("createdBy").asText()).isEqualTo(SALES);
        assertThat(account.path("createdAt").asText()).isNotBlank();

        String term = name.substring("Contoso ".length());
        JsonNode page = eventually("/api/accounts?q=" + term, json -> assertThat(json.path("total").asLong()).isEqualTo(2));
        assertThat(page.path("items").findValuesAsText("accountId")).containsExactly(direct, fromLead);
        assertThat(get(SALES, "/api/accounts?q=" + term + "&size=1&page=1").getBody()
                .path("items").findValuesAsText("accountId")).containsExactly(fromLead);
    }

    @Test
    void unknownAccountIsNotFoundAndBadPagingRejected() {
        assertThat(get(SALES, "/api/accounts/" + newId()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(SALES, "/api/accounts?size=500").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
