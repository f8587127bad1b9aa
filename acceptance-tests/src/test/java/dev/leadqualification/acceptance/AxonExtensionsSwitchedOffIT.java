package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Api.Side;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.RunningServices;
import dev.leadqualification.acceptance.support.Sales;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.User.ADA;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With every extension of Axon switched off ({@code LEADS_AXON_EXTENSIONS_ENABLED=false}: platform.fence), the
 * services behave as with them on: a lead is created, changed, qualified with its note carried over, a duplicate is
 * refused, and a replay rebuilds the read models. (The whole suite runs so with
 * {@code -Dleads.axon-extensions.enabled=false}.) Runs its own services.
 */
class AxonExtensionsSwitchedOffIT {

    private static RunningServices services;
    private static Api api;

    @BeforeAll
    static void servicesWithoutExtensions() {
        services = RunningServices.prepareOwn("extensions_off")
                .withEnvironment("LEADS_AXON_EXTENSIONS_ENABLED", "false").start();
        api = Api.on(services);
    }

    @AfterAll
    static void stopThem() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void theMainFlowWorksOnAxonsOwnComponents() {
        Sales sales = new Sales(api);
        String leadId = sales.createLead(Leads.complete());
        Reply patched = api.as(SAM).patch("/api/leads/" + leadId, object("jobTitle", "CTO"));
        assertThat(patched.status()).as("%s", patched).isEqualTo(204);
        String noteId = sales.addNote(leadId, object("title", "Call", "text", "Wants a demo."));
        sales.qualify(leadId, Leads.allRecords());

        JsonNode lead = api.awaitLead(leadId, Leads.qualificationCompleted());
        assertThat(lead.path("jobTitle").asText()).isEqualTo("CTO");
        JsonNode opportunity = api.awaitRecord("/api/opportunities/"
                + lead.path("qualification").path("opportunityId").asText());
        assertThat(opportunity.path("notes").get(0).path("noteId").asText()).isEqualTo(noteId);

        Reply duplicate = api.as(SAM).post("/api/accounts", object("name", lead.path("companyName").asText()));
        assertThat(duplicate.status()).as("%s", duplicate).isEqualTo(409);

        Reply replay = api.as(ADA).send(Side.QUERY, "POST", "/api/admin/projections/replay", null, null);
        assertThat(replay.status()).as("%s", replay).isEqualTo(202);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            for (JsonNode processor : api.as(ADA).query("/api/admin/projections").json()) {
                assertThat(processor.path("lag").asLong()).as("%s", processor).isZero();
            }
        });
        assertThat(api.awaitLead(leadId, Leads.qualificationCompleted()).path("version"))
                .isEqualTo(lead.path("version"));
    }
}
