package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.EventStoreTable;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.ProcessorHold;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.RunningServices;
import dev.leadqualification.acceptance.support.Sales;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A qualification whose records cannot all be created leaves none of them (API.md, "Opportunities after
 * qualification"): the lead shows the failure with its reason, and the store holds none of the qualification's
 * records. The id the saga must create is taken deterministically: the saga's processor is held
 * ({@link ProcessorHold}) from before the qualify until a client has created a contact under the qualification's
 * contact id, so the saga meets that contact whatever the timing.
 */
class AllOrNothingQualificationIT {

    private static final String SAGA = "qualification-saga";

    private static RunningServices services;
    private static EventStoreTable events;

    private final Api api = Api.shared();
    private final Sales sales = new Sales(api);

    @BeforeAll
    static void readTheStore() {
        services = RunningServices.shared();
        events = new EventStoreTable(services.database());
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void aQualificationWhoseContactIdIsTakenLeavesNoneOfItsRecordsAndTheLeadShowsWhy() {
        String leadId = sales.createLead(Leads.complete());
        JsonNode qualified;
        String contactId;
        try (ProcessorHold held = ProcessorHold.take(services.database(), SAGA)) {
            qualified = sales.qualify(leadId, Leads.allRecords());
            contactId = qualified.path("contactId").asText();
            Reply taken = api.as(SAM).post("/api/contacts", object("contactId", contactId,
                    "lastName", "Taken-" + Leads.token(), "suppressDuplicateDetection", true));
            assertThat(taken.status()).as("%s", taken).isEqualTo(201);
        }
        String accountId = qualified.path("accountId").asText();
        String opportunityId = qualified.path("opportunityId").asText();

        JsonNode lead = Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.as(SAM).query("/api/leads/" + leadId).json(),
                        shown -> shown.path("qualification").path("failed").asBoolean());

        assertThat(lead.path("qualification").path("failureReason").asText()).contains(contactId);
        assertThat(lead.path("qualification").path("completed").asBoolean()).isFalse();
        assertThat(events.eventsOf(accountId)).as("the account created before the contact was refused").isEmpty();
        assertThat(events.eventsOf(opportunityId)).as("the opportunity").isEmpty();
        assertThat(events.eventsOf(contactId)).singleElement()
                .satisfies(contact -> assertThat(contact.payload().path("originatingLeadId").asText("none"))
                        .as("the client's contact, from no lead").isEqualTo("none"));
        assertThat(events.eventsOf(leadId)).extracting(EventStoreTable.StoredEvent::type)
                .endsWith("LeadQualified", "LeadQualificationFailed");
        assertThat(api.as(SAM).query("/api/accounts/" + accountId).status()).isEqualTo(404);
        assertThat(api.as(SAM).query("/api/opportunities/" + opportunityId).status()).isEqualTo(404);

        assertThat(api.as(SAM).post("/api/leads/" + leadId + "/reactivate").status()).isEqualTo(204);
        Reply disqualified = api.as(SAM).post("/api/leads/" + leadId + "/disqualify", object("reason", "LOST"));
        assertThat(disqualified.status()).as("no opportunity came from the lead: %s", disqualified).isEqualTo(204);
    }
}
