package dev.leadqualification.query.ownership;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.kernel.account.AccountAssigned;
import dev.leadqualification.kernel.account.AccountCreated;
import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.contact.ContactAssigned;
import dev.leadqualification.kernel.contact.ContactCreated;
import dev.leadqualification.kernel.contact.ContactDetails;
import dev.leadqualification.kernel.lead.LeadAssigned;
import dev.leadqualification.kernel.lead.LeadCreated;
import dev.leadqualification.query.QuerySideTest;
import dev.leadqualification.query.SampleData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Owners on the read side: assignments projected (each a new version), lists by owner and for "me". */
class OwnersQueryTest extends QuerySideTest {

    @Test
    void anAssignedLeadShowsItsNewOwnerAndListsFollowIt() {
        String token = newId().substring(0, 8);
        String leadId = newId();
        String other = newId();
        append("Lead", leadId, new LeadCreated(leadId, SampleData.lead("Ada", "Owned-" + token, "Engines", null), "ann"));
        append("Lead", other, new LeadCreated(other, SampleData.lead("Bob", "Owned-" + token, "Engines", null), SALES));

        eventually("/api/leads?owner=me&q=" + token, page ->
                assertThat(page.path("items").findValuesAsText("leadId")).containsExactly(other));
        append("Lead", leadId, new LeadAssigned(leadId, SALES));

        JsonNode lead = eventually("/api/leads/" + leadId, json -> assertThat(json.path("version").asLong()).isEqualTo(1));
        assertThat(lead.path("ownerId").asText()).isEqualTo(SALES);
        assertThat(lead.path("createdBy").asText()).isEqualTo(SALES);
        assertThat(get(SALES, "/api/leads?owner=me&q=" + token).getBody().path("items").findValuesAsText("leadId"))
                .containsExactlyInAnyOrder(leadId, other);
        assertThat(get(ADMIN, "/api/leads?owner=" + SALES + "&q=" + token).getBody().path("total").asLong())
                .isEqualTo(2);
        assertThat(get(ADMIN, "/api/leads?owner=ann&q=" + token).getBody().path("total").asLong()).isZero();
    }

    @Test
    void assignedAccountsAndContactsShowTheirOwnerAndVersion() {
        String token = newId().substring(0, 8);
        String accountId = newId();
        String contactId = newId();
        append("Account", accountId, new AccountCreated(accountId,
                new AccountDetails("Owned " + token, null, null, null, null), null, "ann"));
        append("Contact", contactId, new ContactCreated(contactId,
                new ContactDetails(null, "Owned-" + token, null, null, null, null, null, null, null), null, "ann"));
        append("Account", accountId, new AccountAssigned(accountId, SALES));
        append("Contact", contactId, new ContactAssigned(contactId, SALES));
        append("Contact", contactId, new ContactAssigned(contactId, "bob"));

        JsonNode account = eventually("/api/accounts/" + accountId,
                json -> assertThat(json.path("version").asLong()).isEqualTo(1));
        assertThat(account.path("ownerId").asText()).isEqualTo(SALES);
        JsonNode contact = eventually("/api/contacts/" + contactId,
                json -> assertThat(json.path("version").asLong()).isEqualTo(2));
        assertThat(contact.path("ownerId").asText()).isEqualTo("bob");
        assertThat(get(SALES, "/api/accounts?owner=me&q=" + token).getBody().path("items")
                .findValuesAsText("accountId")).containsExactly(accountId);
        assertThat(get(SALES, "/api/contacts?owner=bob&q=" + token).getBody().path("items")
                .findValuesAsText("contactId")).containsExactly(contactId);
        assertThat(get(SALES, "/api/contacts?owner=me&q=" + token).getBody().path("total").asLong()).isZero();
    }
}
