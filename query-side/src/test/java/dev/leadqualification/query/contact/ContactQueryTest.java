package dev.leadqualification.query.contact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.kernel.contact.ContactCreated;
import dev.leadqualification.kernel.contact.ContactDetails;
import dev.leadqualification.query.QuerySideTest;
import dev.leadqualification.query.SampleData;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class ContactQueryTest extends QuerySideTest {

    @Test
    void showsAContactUnderItsAccountAndFindsContactsByNameOrEmail() {
        String lastName = "Hamilton" + newId().substring(0, 8);
        String contactId = newId();
        String accountId = newId();
        String leadId = newId();
        append("Contact", contactId, new ContactCreated(contactId, new ContactDetails("Margaret", lastName, "CTO",
                "margaret@apollo.example", "+1 555 0100", "+1 555 0101", SampleData.ADDRESS, accountId, null), leadId, "sam"));
        String other = newId();
        append("Contact", other, new ContactCreated(other, new ContactDetails(null, "Collins",
                null, lastName.toLowerCase() + "@apollo.example", null, null, null, null, null), null, "sam"));

        JsonNode contact = eventually("/api/contacts/" + contactId,
                json -> assertThat(json.path("contactId").asText()).isEqualTo(contactId));
        assertThat(contact.path("firstName").asText()).isEqualTo("Margaret");
        assertThat(contact.path("lastName").asText()).isEqualTo(lastName);
        assertThat(contact.path("fullName").asText()).isEqualTo("Margaret " + lastName);
        assertThat(contact.path("jobTitle").asText()).isEqualTo("CTO");
        assertThat(contact.path("email").asText()).isEqualTo("margaret@apollo.example");
        assertThat(contact.path("businessPhone").asText()).isEqualTo("+1 555 0100");
        assertThat(contact.path("mobilePhone").asText()).isEqualTo("+1 555 0101");
        assertThat(contact.path("address").path("country").asText()).isEqualTo("NL");
        assertThat(contact.path("parentAccountId").asText()).isEqualTo(accountId);
        assertThat(contact.path("originatingLeadId").asText()).isEqualTo(leadId);
        assertThat(contact.path("createdBy").asText()).isEqualTo(SALES);

        JsonNode page = eventually("/api/contacts?q=" + lastName.toUpperCase(),
                json -> assertThat(json.path("total").asLong()).isEqualTo(2));
        assertThat(page.path("items").findValuesAsText("contactId")).containsExactly(other, contactId);
        assertThat(page.path("items").get(0).path("fullName").asText()).isEqualTo("Collins");
        assertThat(get(SALES, "/api/contacts?q=margaret " + lastName).getBody().path("items")
                .findValuesAsText("contactId")).containsExactly(contactId);
    }

    @Test
    void unknownContactIsNotFound() {
        assertThat(get(SALES, "/api/contacts/" + newId()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(SALES, "/api/contacts/x").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
