package dev.leadqualification.query.consistency;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.kernel.account.AccountCreated;
import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.common.Money;
import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.contact.ContactCreated;
import dev.leadqualification.kernel.contact.ContactDetails;
import dev.leadqualification.kernel.lead.LeadCreated;
import dev.leadqualification.kernel.lead.LeadDetails;
import dev.leadqualification.kernel.lead.LeadStatusReasonChanged;
import dev.leadqualification.kernel.lead.NoteAdded;
import dev.leadqualification.kernel.lead.StatusReason;
import dev.leadqualification.kernel.opportunity.Customer;
import dev.leadqualification.kernel.opportunity.NoteTransferred;
import dev.leadqualification.kernel.opportunity.OpportunityCreated;
import dev.leadqualification.kernel.opportunity.OpportunityDetails;
import dev.leadqualification.query.QuerySideTest;
import dev.leadqualification.query.SampleData;
import dev.leadqualification.query.opportunity.OpportunityProjection;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class MinVersionReadsTest extends QuerySideTest {

    private static final String LEAD = "Lead";

    @Autowired
    private OpportunityProjection opportunityProjection;

    @Test
    void answersTheLeadWhenTheReadModelHasTheVersion() {
        String leadId = createLead();
        append(LEAD, leadId, new LeadStatusReasonChanged(leadId, StatusReason.CONTACTED));
        append(LEAD, leadId, new NoteAdded(leadId, newId(), "Call", "Wants a demo", null));

        JsonNode lead = ok(get(SALES, "/api/leads/" + leadId + "?minVersion=2"));
        assertThat(lead.path("version").asLong()).isEqualTo(2);
        assertThat(lead.path("notes")).hasSize(1);
        assertThat(ok(get(SALES, "/api/leads/" + leadId + "?minVersion=0"))).isEqualTo(lead);
        assertThat(ok(get(SALES, "/api/leads/" + leadId + "?minVersion=+1"))).isEqualTo(lead);
    }

    @Test
    void waitsForAVersionThatIsStillToCome() throws Exception {
        String leadId = createLead();
        eventually("/api/leads/" + leadId, json -> assertThat(json.path("version").asLong()).isZero());

        CompletableFuture<ResponseEntity<JsonNode>> waiting =
                CompletableFuture.supplyAsync(() -> get(SALES, "/api/leads/" + leadId + "?minVersion=1"));
        // gives the request time to arrive before the event exists (if it arrives later, it is answered at once)
        Thread.sleep(500);
        append(LEAD, leadId, new LeadStatusReasonChanged(leadId, StatusReason.CONTACTED));

        JsonNode lead = ok(waiting.get(30, TimeUnit.SECONDS));
        assertThat(lead.path("version").asLong()).isEqualTo(1);
        assertThat(lead.path("statusReason").asText()).isEqualTo("CONTACTED");
    }

    @Test
    void answersNotYetConsistentWhenTheVersionDoesNotArrive() {
        String leadId = createLead();
        eventually("/api/leads/" + leadId, json -> assertThat(json.path("version").asLong()).isZero());

        ResponseEntity<JsonNode> answer = get(SALES, "/api/leads/" + leadId + "?minVersion=7");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody().path("type").asText()).endsWith("/not-yet-consistent");
        assertThat(answer.getBody().path("status").asInt()).isEqualTo(503);
        assertThat(answer.getBody().path("minVersion").asLong()).isEqualTo(7);
        assertThat(answer.getBody().path("version").asLong()).isZero();
    }

    @Test
    void waitsForARecordThatIsStoredButNotYetProjected() {
        String leadId = newId();
        append(LEAD, leadId, new LeadCreated(leadId, SampleData.lead("Alan", "Turing", "Bletchley", "alan@b.example"), "sam"));

        assertThat(ok(get(SALES, "/api/leads/" + leadId + "?minVersion=0")).path("leadId").asText()).isEqualTo(leadId);
    }

    @Test
    void rejectsAVersionThatIsNotAWholeNumberOfZeroOrMore() {
        String leadId = createLead();
        for (String version : new String[]{"-1", "abc", "", "1.5", "99999999999999999999"}) {
            ResponseEntity<JsonNode> answer = get(SALES, "/api/leads/" + leadId + "?minVersion=" + version);
            assertThat(answer.getStatusCode()).as(version).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().path("type").asText()).endsWith("/validation");
            assertThat(answer.getBody().path("errors").findValuesAsText("field")).containsExactly("minVersion");
        }
        assertThat(get(SALES, "/api/accounts/" + newId() + "?minVersion=x").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aRecordThatDoesNotExistIsNotFound() {
        for (String path : new String[]{"/api/leads/", "/api/accounts/", "/api/contacts/", "/api/opportunities/"}) {
            ResponseEntity<JsonNode> answer = get(SALES, path + newId() + "?minVersion=0");
            assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getBody().path("type").asText()).endsWith("/not-found");
        }
        assertThat(get(SALES, "/api/leads/not-a-uuid?minVersion=0").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void accountsAndContactsAreAtVersionZero() {
        String accountId = newId();
        append("Account", accountId, new AccountCreated(accountId,
                new AccountDetails("Fabrikam " + accountId, null, null, null, null), null, "sam"));
        String contactId = newId();
        append("Contact", contactId, new ContactCreated(contactId,
                new ContactDetails("Ada", "Lovelace", null, null, null, null, null, accountId, null), null, "sam"));

        JsonNode account = ok(get(SALES, "/api/accounts/" + accountId + "?minVersion=0"));
        assertThat(account.path("accountId").asText()).isEqualTo(accountId);
        assertThat(account.path("version").asLong()).isZero();
        assertThat(account).isEqualTo(get(SALES, "/api/accounts/" + accountId).getBody());
        JsonNode contact = ok(get(SALES, "/api/contacts/" + contactId + "?minVersion=0"));
        assertThat(contact.path("contactId").asText()).isEqualTo(contactId);
        assertThat(contact.path("version").asLong()).isZero();

        ResponseEntity<JsonNode> never = get(SALES, "/api/accounts/" + accountId + "?minVersion=1");
        assertThat(never.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(never.getBody().path("type").asText()).endsWith("/not-yet-consistent");
        assertThat(never.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
    }

    @Test
    void anOpportunityIsAtTheVersionOfItsLastTransferredNote() {
        String leadId = createLead();
        String firstNote = newId();
        String secondNote = newId();
        append(LEAD, leadId, new NoteAdded(leadId, firstNote, "Call", "Wants a demo", null));
        append(LEAD, leadId, new NoteAdded(leadId, secondNote, "Offer", "Sent", null));
        String opportunityId = newId();
        append("Opportunity", opportunityId, new OpportunityCreated(opportunityId, new OpportunityDetails("Fleet",
                SampleData.qualificationDetails(), new Money(new BigDecimal("10.00"), "EUR"), LocalDate.parse("2025-06-30"),
                null, "EUR", null, null), Customer.of(null, null), null, null, leadId, ProcessStage.DEVELOP, "sam"));
        DomainEventMessage<?> first = append("Opportunity", opportunityId,
                new NoteTransferred(opportunityId, firstNote, leadId));
        append("Opportunity", opportunityId, new NoteTransferred(opportunityId, secondNote, leadId));

        JsonNode opportunity = ok(get(SALES, "/api/opportunities/" + opportunityId + "?minVersion=2"));
        assertThat(opportunity.path("version").asLong()).isEqualTo(2);

        // redelivered: the version never goes back
        opportunityProjection.on((NoteTransferred) first.getPayload(), first.getSequenceNumber());
        assertThat(get(SALES, "/api/opportunities/" + opportunityId).getBody().path("version").asLong()).isEqualTo(2);
    }

    private String createLead() {
        String leadId = newId();
        LeadDetails details = SampleData.lead("Grace", "Hopper", "Navy", "grace@navy.example");
        append(LEAD, leadId, new LeadCreated(leadId, details, "sam"));
        return leadId;
    }

    private static JsonNode ok(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }
}
