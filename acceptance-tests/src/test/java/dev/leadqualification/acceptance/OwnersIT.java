package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Json;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.Sales;
import dev.leadqualification.acceptance.support.User;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.leadqualification.acceptance.support.Json.assertHasValues;
import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Problems.TYPE_BASE;
import static dev.leadqualification.acceptance.support.Problems.assertProblem;
import static dev.leadqualification.acceptance.support.Problems.assertValidation;
import static dev.leadqualification.acceptance.support.User.ADA;
import static dev.leadqualification.acceptance.support.User.AUDREY;
import static dev.leadqualification.acceptance.support.User.SAM;
import static dev.leadqualification.acceptance.support.User.SUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * API.md "Owners": every record has an owner (its creator unless named; a qualification's records: the lead's owner
 * unless named), a SALES user changes only what they own (403 not-owner), an ADMIN anything; assignment; lists by
 * owner. Also a lead's campaign, and the lead source and campaign a qualification carries on.
 */
class OwnersIT {

    private final Api api = Api.shared();
    private final Sales sales = new Sales(api);

    @Test
    void aSalespersonMayNotChangeAnothersLeadButAnAdminMay() {
        String leadId = sales.createLead(Leads.complete());
        JsonNode before = sales.settledLead(leadId);
        assertThat(before.path("ownerId").asText()).isEqualTo(SAM.username());
        String lead = "/api/leads/" + leadId;

        assertNotOwner(api.as(SUE).patch(lead, object("jobTitle", "Buyer")));
        assertNotOwner(api.as(SUE).put(lead + "/qualification-details", Leads.qualificationDetails()));
        assertNotOwner(api.as(SUE).post(lead + "/notes", object("title", "Mine now")));
        assertNotOwner(api.as(SUE).post(lead + "/qualify", Leads.allRecords()));
        assertNotOwner(api.as(SUE).post(lead + "/disqualify", object("reason", "LOST")));
        assertNotOwner(api.as(SUE).post(lead + "/assign", object("ownerId", SUE.username())));
        sales.assertUnchangedSince(before);

        Reply byAdmin = api.as(ADA).patch(lead, object("jobTitle", "Head of purchasing"));
        assertThat(byAdmin.status()).as("%s", byAdmin).isEqualTo(204);
        Reply disqualified = api.as(ADA).post(lead + "/disqualify", object("reason", "LOST"));
        assertThat(disqualified.status()).as("%s", disqualified).isEqualTo(204);
        assertNotOwner(api.as(SUE).post(lead + "/reactivate"));
        assertThat(api.as(SAM).post(lead + "/reactivate").status()).isEqualTo(204);
    }

    @Test
    void assigningALeadGivesItToItsNewOwnerAndIsAnEventWithItsActor() {
        String leadId = sales.createLead(Leads.complete());
        String lead = "/api/leads/" + leadId;

        Reply assigned = api.as(SAM).post(lead + "/assign", object("ownerId", SUE.username()));

        assertThat(assigned.status()).as("%s", assigned).isEqualTo(204);
        assertThat(assigned.header("ETag")).isEqualTo("\"1\"");
        JsonNode shown = api.awaitRecord(lead + "?minVersion=1");
        assertHasValues(shown, object("ownerId", SUE.username(), "createdBy", SAM.username(),
                "modifiedBy", SAM.username()));
        assertNotOwner(api.as(SAM).patch(lead, object("jobTitle", "Buyer")));
        assertThat(api.as(SUE).patch(lead, object("jobTitle", "Buyer")).status()).isEqualTo(204);
        JsonNode history = api.as(ADA).query(lead + "/history").json();
        assertHasValues(history.get(1), object("type", "LeadAssigned", "actor", SAM.username(),
                "data", object("ownerId", SUE.username())));
    }

    @Test
    void listsShowTheRecordsOfAnOwnerAndMine() {
        String token = Leads.token();
        String samsLead = sales.createLead(Leads.minimal().put("lastName", "Owned-" + token));
        ObjectNode forSue = Leads.minimal().put("lastName", "Owned-" + token).put("ownerId", SUE.username());
        String suesLead = created(api.as(SAM).post("/api/leads", forSue), "leadId");
        String suesOwnLead = created(api.as(SUE).post("/api/leads",
                Leads.minimal().put("lastName", "Owned-" + token)), "leadId");
        String account = created(api.as(SUE).post("/api/accounts", object("name", "Owned " + token)), "accountId");
        String contact = created(api.as(SAM).post("/api/contacts", object("lastName", "Owned-" + token,
                "ownerId", SUE.username())), "contactId");

        assertThat(awaitIds(SUE, "/api/leads?owner=me&q=" + token, "leadId", 2))
                .containsExactlyInAnyOrder(suesLead, suesOwnLead);
        assertThat(awaitIds(SAM, "/api/leads?owner=sue&q=" + token, "leadId", 2))
                .containsExactlyInAnyOrder(suesLead, suesOwnLead);
        assertThat(awaitIds(SAM, "/api/leads?owner=me&q=" + token, "leadId", 1)).containsExactly(samsLead);
        assertThat(awaitIds(SUE, "/api/accounts?owner=me&q=" + token, "accountId", 1)).containsExactly(account);
        assertThat(awaitIds(SUE, "/api/contacts?owner=me&q=" + token, "contactId", 1)).containsExactly(contact);
        assertThat(awaitIds(SAM, "/api/contacts?owner=me&q=" + token, "contactId", 0)).isEmpty();
    }

    @Test
    void aQualificationsRecordsBelongToTheLeadsOwnerAndCarryItsSourceAndCampaign() {
        String leadId = sales.createLead(Leads.complete().put("campaign", "Fair 2026"));

        Reply reply = api.as(ADA).post("/api/leads/" + leadId + "/qualify", Leads.allRecords());

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        JsonNode result = reply.json();
        JsonNode account = api.awaitRecord("/api/accounts/" + result.path("accountId").asText());
        JsonNode contact = api.awaitRecord("/api/contacts/" + result.path("contactId").asText());
        JsonNode opportunity = api.awaitRecord("/api/opportunities/" + result.path("opportunityId").asText());
        assertHasValues(account, object("ownerId", SAM.username(), "createdBy", ADA.username()));
        assertHasValues(contact, object("ownerId", SAM.username(), "leadSource", "TRADE_SHOW"));
        assertHasValues(opportunity, object("ownerId", SAM.username(), "leadSource", "TRADE_SHOW",
                "campaign", "Fair 2026"));

        // the records are sam's to change: sue may not assign them, sam may, an admin may too
        String opportunityPath = "/api/opportunities/" + result.path("opportunityId").asText();
        assertNotOwner(api.as(SUE).post(opportunityPath + "/assign", object("ownerId", SUE.username())));
        assertThat(api.as(SAM).post(opportunityPath + "/assign", object("ownerId", SUE.username())).status())
                .isEqualTo(204);
        String accountPath = "/api/accounts/" + result.path("accountId").asText();
        assertNotOwner(api.as(SUE).post(accountPath + "/assign", object("ownerId", SUE.username())));
        Reply accountAssigned = api.as(SAM).post(accountPath + "/assign", object("ownerId", SUE.username()));
        assertThat(accountAssigned.status()).as("%s", accountAssigned).isEqualTo(204);
        assertThat(accountAssigned.header("ETag")).isEqualTo("\"1\"");
        String contactPath = "/api/contacts/" + result.path("contactId").asText();
        assertThat(api.as(ADA).post(contactPath + "/assign", object("ownerId", SUE.username())).status())
                .isEqualTo(204);
        assertHasValues(api.awaitRecord(accountPath + "?minVersion=1"), object("ownerId", SUE.username(),
                "version", 1));
        assertHasValues(api.awaitRecord(contactPath + "?minVersion=1"), object("ownerId", SUE.username()));
        assertThat(api.awaitRecord(opportunityPath, json -> json.path("ownerId").asText().equals(SUE.username()))
                .path("ownerId").asText()).isEqualTo(SUE.username());
    }

    @Test
    void aQualifyRequestMayNameTheOwnerOfTheRecords() {
        String leadId = sales.createLead(Leads.complete());
        ObjectNode options = Leads.allRecords().put("ownerId", SUE.username());

        JsonNode result = sales.qualify(leadId, options);

        assertHasValues(api.awaitRecord("/api/accounts/" + result.path("accountId").asText()),
                object("ownerId", SUE.username()));
        assertHasValues(api.awaitRecord("/api/opportunities/" + result.path("opportunityId").asText()),
                object("ownerId", SUE.username()));
        assertHasValues(api.awaitLead(leadId, Leads.qualificationCompleted()), object("ownerId", SAM.username()));
    }

    @Test
    void inBulkTheRecordsGoToTheNamedOwnerAndAnothersLeadIsRejectedAsNotOwned() {
        String samsLead = sales.createLead(Leads.complete());
        String suesLead = created(api.as(SUE).post("/api/leads", Leads.complete()), "leadId");
        ObjectNode request = Leads.allRecords().put("ownerId", SUE.username());
        request.set("leadIds", Json.MAPPER.valueToTree(List.of(samsLead, suesLead)));

        Reply reply = api.as(SAM).post("/api/leads/qualify", request);

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        Map<String, JsonNode> outcomes = new HashMap<>();
        reply.json().path("results").forEach(result -> outcomes.put(result.path("leadId").asText(), result));
        assertHasValues(outcomes.get(samsLead), object("outcome", "QUALIFIED"));
        assertHasValues(outcomes.get(suesLead), object("outcome", "REJECTED",
                "problem", object("type", TYPE_BASE + "not-owner", "status", 403)));
        assertHasValues(api.awaitRecord("/api/contacts/" + outcomes.get(samsLead).path("contactId").asText()),
                object("ownerId", SUE.username()));
        assertHasValues(api.awaitLead(suesLead, lead -> true), object("status", "OPEN", "ownerId", SUE.username()));
    }

    @Test
    void anOwnerMustBeAConfiguredSalespersonOrAdministrator() {
        String leadId = sales.createLead(Leads.complete());
        String lead = "/api/leads/" + leadId;

        assertValidation(api.as(SAM).post("/api/leads", Leads.minimal().put("ownerId", "nobody")), "ownerId");
        assertValidation(api.as(SAM).post("/api/accounts", object("name", "Acme " + Leads.token(),
                "ownerId", AUDREY.username())), "ownerId");
        assertValidation(api.as(SAM).post(lead + "/assign", object("ownerId", "nobody")), "ownerId");
        assertValidation(api.as(SAM).post(lead + "/assign", object()), "ownerId");
        assertValidation(api.as(SAM).post(lead + "/qualify", Leads.allRecords().put("ownerId", "nobody")), "ownerId");
        ObjectNode bulk = Leads.allRecords().put("ownerId", "nobody");
        bulk.set("leadIds", Json.MAPPER.valueToTree(List.of(leadId)));
        assertValidation(api.as(SAM).post("/api/leads/qualify", bulk), "ownerId");
        assertHasValues(sales.settledLead(leadId), object("status", "OPEN", "ownerId", SAM.username()));
    }

    @Test
    void aLeadsCampaignIsSetOnCreateChangedByPatchAndInItsHistory() {
        String leadId = sales.createLead(Leads.minimal().put("campaign", "Spring mailing"));
        String lead = "/api/leads/" + leadId;
        assertHasValues(api.awaitRecord(lead), object("campaign", "Spring mailing"));

        assertThat(api.as(SAM).patch(lead, object("campaign", "Autumn mailing")).status()).isEqualTo(204);

        assertHasValues(api.awaitRecord(lead + "?minVersion=1"), object("campaign", "Autumn mailing"));
        JsonNode history = api.as(AUDREY).query(lead + "/history").json();
        assertHasValues(history.get(1), object("type", "LeadUpdated",
                "data", object("details", object("campaign", "Autumn mailing"))));
        assertValidation(api.as(SAM).patch(lead, object("campaign", "x".repeat(101))), "campaign");
    }

    @Test
    void anOpportunityIsWorkedOnlyByItsOwnerOrAnAdminAndListedByOwner() {
        String token = Leads.token();
        String leadId = sales.createLead(Leads.complete().put("topic", "Owned deal " + token));
        String opportunityId = api.as(SAM).post("/api/leads/" + leadId + "/qualify", Leads.allRecords()).json()
                .path("opportunityId").asText();
        String opportunity = "/api/opportunities/" + opportunityId;
        JsonNode before = api.awaitRecord(opportunity);

        assertNotOwner(api.as(SUE).patch(opportunity, object("description", "Mine now")));
        assertNotOwner(api.as(SUE).post(opportunity + "/stage", object("processStage", "PROPOSE")));
        assertNotOwner(api.as(SUE).post(opportunity + "/close", object("outcome", "LOST", "reason", "Too dear")));
        assertThat(api.awaitRecord(opportunity + "?minVersion=" + before.path("version").asLong()))
                .isEqualTo(before);
        assertThat(awaitIds(SAM, "/api/opportunities?owner=me&q=" + token, "opportunityId", 1))
                .containsExactly(opportunityId);
        assertThat(awaitIds(SUE, "/api/opportunities?owner=me&q=" + token, "opportunityId", 0)).isEmpty();

        Reply won = api.as(SAM).post(opportunity + "/close", object("outcome", "WON"));
        assertThat(won.status()).as("%s", won).isEqualTo(204);
        assertNotOwner(api.as(SUE).post(opportunity + "/reopen"));
        Reply reopened = api.as(ADA).post(opportunity + "/reopen");
        assertThat(reopened.status()).as("%s", reopened).isEqualTo(204);
    }

    private static void assertNotOwner(Reply reply) {
        JsonNode problem = assertProblem(reply, 403, "not-owner");
        assertThat(problem.path("detail").asText()).as("%s", reply).contains("only its owner or an ADMIN");
    }

    private static String created(Reply reply, String idField) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json().path(idField).asText();
    }

    /** The ids a list shows {@code user}, once it shows {@code count} of them. */
    private List<String> awaitIds(User user, String path, String idField, int count) {
        return await().atMost(Api.CONSISTENCY).pollInterval(Duration.ofMillis(100))
                .until(() -> api.as(user).query(path).json().path("items").findValuesAsText(idField),
                        ids -> ids.size() == count);
    }
}
