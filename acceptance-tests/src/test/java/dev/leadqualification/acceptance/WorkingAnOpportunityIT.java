package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.EventStoreTable;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.RunningServices;
import dev.leadqualification.acceptance.support.Sales;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Leads.money;
import static dev.leadqualification.acceptance.support.Problems.assertProblem;
import static dev.leadqualification.acceptance.support.Problems.assertValidation;
import static dev.leadqualification.acceptance.support.User.ADA;
import static dev.leadqualification.acceptance.support.User.AUDREY;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * After qualification (API.md, "Opportunities after qualification"): an opportunity is edited, moved through the sales
 * process, closed as won or lost, reopened; the query side lists, shows, tells its history and its past states.
 */
class WorkingAnOpportunityIT {

    private static EventStoreTable events;

    private final Api api = Api.shared();
    private final Sales sales = new Sales(api);

    @BeforeAll
    static void readTheStore() {
        events = new EventStoreTable(RunningServices.shared().database());
    }

    @AfterAll
    static void close() {
        events.close();
    }

    private String opportunity() {
        return sales.qualifiedWithOpportunity().path("opportunityId").asText();
    }

    private static String path(String opportunityId) {
        return "/api/opportunities/" + opportunityId;
    }

    /** The opportunity once the query side has applied the version a command answered with. */
    private JsonNode read(String opportunityId, Reply answer) {
        String version = answer.header("ETag").replace("\"", "");
        Reply reply = api.as(SAM).query(path(opportunityId) + "?minVersion=" + version);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json();
    }

    private Reply close(String opportunityId, Object body) {
        return api.as(SAM).post(path(opportunityId) + "/close", body);
    }

    @Test
    void anEditChangesTheNamedFieldsAndANullClears() {
        String opportunityId = opportunity();

        Reply edited = api.as(SAM).patch(path(opportunityId), object("name", "Chairs and desks", "need", "SHOULD_HAVE",
                "description", null, "estimatedValue", money("14000", "EUR")));

        assertThat(edited.status()).as("%s", edited).isEqualTo(204);
        assertThat(edited.header("ETag")).isNotNull();
        JsonNode opportunity = read(opportunityId, edited);
        assertThat(opportunity.path("name").asText()).isEqualTo("Chairs and desks");
        assertThat(opportunity.path("need").asText()).isEqualTo("SHOULD_HAVE");
        assertThat(opportunity.path("description").isNull()).isTrue();
        assertThat(opportunity.path("estimatedValue").path("amount").decimalValue()).isEqualByComparingTo("14000");
        assertThat(opportunity.path("estimatedCloseDate").asText()).as("unnamed, kept").isEqualTo("2026-09-30");
        assertThat(opportunity.path("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void badEditsAreRefusedNamingTheField() {
        String opportunityId = opportunity();

        assertValidation(api.as(SAM).patch(path(opportunityId), object("name", null)), "name");
        assertValidation(api.as(SAM).patch(path(opportunityId), object("colour", "red")), "colour");
        assertValidation(api.as(SAM).patch(path(opportunityId), object("opportunityId", opportunityId)),
                "opportunityId");
        assertValidation(api.as(SAM).patch(path(opportunityId), object("estimatedValue", money("1", "USD"))),
                "estimatedValue");
        assertValidation(api.as(SAM).patch(path(opportunityId), object("need", "A_LOT")), "need");
        assertProblem(api.as(SAM).patch(path(UUID.randomUUID().toString()),
                object("name", "x")), 404, "not-found");
        assertThat(events.eventsOf(opportunityId)).extracting(EventStoreTable.StoredEvent::type)
                .as("nothing written").doesNotContain("OpportunityUpdated");
    }

    @Test
    void theIdOfAnotherKindOfRecordIsNotFoundAndNothingIsWrittenToIt() {
        String leadId = sales.createLead(Leads.complete());

        for (String action : new String[]{"/reopen", "/stage"}) {
            Reply reply = action.equals("/reopen") ? api.as(SAM).post(path(leadId) + action)
                    : api.as(SAM).post(path(leadId) + action, object("processStage", "PROPOSE"));
            assertProblem(reply, 404, "not-found");
        }
        assertProblem(api.as(SAM).patch(path(leadId), object("name", "x")), 404, "not-found");
        assertThat(events.eventsOf(leadId)).extracting(EventStoreTable.StoredEvent::type).containsExactly("LeadCreated");
        String opportunityId = opportunity();
        long before = events.eventsOf(opportunityId).size();
        assertProblem(api.as(SAM).post("/api/leads/" + opportunityId + "/reactivate"), 404, "not-found");
        assertThat(events.eventsOf(opportunityId)).hasSize((int) before);
    }

    @Test
    void theStageMovesThroughTheSalesProcess() {
        String opportunityId = opportunity();

        Reply proposed = api.as(SAM).post(path(opportunityId) + "/stage", object("processStage", "PROPOSE"));

        assertThat(proposed.status()).as("%s", proposed).isEqualTo(204);
        assertThat(read(opportunityId, proposed).path("processStage").asText()).isEqualTo("PROPOSE");
        assertValidation(api.as(SAM).post(path(opportunityId) + "/stage", object("processStage", "QUALIFY")),
                "processStage");
        assertValidation(api.as(SAM).post(path(opportunityId) + "/stage", object()), "processStage");
    }

    @Test
    void wonWithoutRevenueTakesTheEstimatedValueAndClosesToday() {
        String opportunityId = opportunity();
        LocalDate before = LocalDate.now(ZoneOffset.UTC);

        Reply won = close(opportunityId, object("outcome", "WON"));

        LocalDate after = LocalDate.now(ZoneOffset.UTC);
        assertThat(won.status()).as("%s", won).isEqualTo(204);
        JsonNode opportunity = read(opportunityId, won);
        assertThat(opportunity.path("status").asText()).isEqualTo("WON");
        assertThat(opportunity.path("actualRevenue").path("amount").decimalValue()).isEqualByComparingTo("12500.50");
        assertThat(opportunity.path("actualRevenue").path("currency").asText()).isEqualTo("EUR");
        assertThat(LocalDate.parse(opportunity.path("closeDate").asText())).isBetween(before, after);
    }

    @Test
    void aClosedOpportunityRefusesChangesUntilReopenedAndReopeningClearsTheOutcome() {
        String opportunityId = opportunity();
        Reply won = close(opportunityId, object("outcome", "WON", "actualRevenue", money("13000", "EUR"),
                "closeDate", "2026-11-30", "reason", "Best ergonomics"));
        assertThat(won.status()).as("%s", won).isEqualTo(204);

        assertProblem(close(opportunityId, object("outcome", "LOST", "reason", "x")), 409, "opportunity-closed");
        assertProblem(api.as(SAM).patch(path(opportunityId), object("name", "x")), 409, "opportunity-closed");
        assertProblem(api.as(SAM).post(path(opportunityId) + "/stage", object("processStage", "CLOSE")), 409,
                "opportunity-closed");
        JsonNode closed = read(opportunityId, won);
        assertThat(closed.path("closeDate").asText()).isEqualTo("2026-11-30");
        assertThat(closed.path("closeReason").asText()).isEqualTo("Best ergonomics");

        Reply reopened = api.as(SAM).post(path(opportunityId) + "/reopen");
        assertThat(reopened.status()).as("%s", reopened).isEqualTo(204);
        assertThat(reopened.header("ETag")).isEqualTo("\"" + (closed.path("version").asLong() + 1) + "\"");
        JsonNode open = read(opportunityId, reopened);
        assertThat(open.path("status").asText()).isEqualTo("OPEN");
        assertThat(open.path("actualRevenue").isNull()).isTrue();
        assertThat(open.path("closeDate").isNull()).isTrue();
        assertThat(open.path("closeReason").isNull()).isTrue();
        assertProblem(api.as(SAM).post(path(opportunityId) + "/reopen"), 409, "opportunity-open");

        assertValidation(close(opportunityId, object("outcome", "LOST")), "reason");
        assertValidation(close(opportunityId, object("outcome", "LOST", "reason", "Rival",
                "actualRevenue", money("1", "EUR"))), "actualRevenue");
        assertValidation(close(opportunityId, object("outcome", "DRAWN")), "outcome");
        Reply lost = close(opportunityId, object("outcome", "LOST", "reason", "A rival was cheaper"));
        assertThat(lost.status()).as("%s", lost).isEqualTo(204);
        JsonNode lostOne = read(opportunityId, lost);
        assertThat(lostOne.path("status").asText()).isEqualTo("LOST");
        assertThat(lostOne.path("actualRevenue").isNull()).isTrue();
        assertThat(lostOne.path("closeReason").asText()).isEqualTo("A rival was cheaper");
        assertThat(events.eventsOf(opportunityId)).extracting(EventStoreTable.StoredEvent::type)
                .containsSubsequence("OpportunityCreated", "OpportunityClosed", "OpportunityReopened",
                        "OpportunityClosed")
                .containsOnlyOnce("OpportunityReopened");
    }

    @Test
    void theListFiltersByStatusAndSearchesTheName() {
        String token = Leads.token();
        String open = opportunity();
        String won = opportunity();
        String lost = opportunity();
        for (String id : new String[]{open, won, lost}) {
            assertThat(api.as(SAM).patch(path(id), object("name", "Desks " + token)).status()).isEqualTo(204);
        }
        Reply wonAnswer = close(won, object("outcome", "WON"));
        read(won, wonAnswer);
        read(lost, close(lost, object("outcome", "LOST", "reason", "No budget")));
        api.awaitRecord("/api/opportunities?q=" + token, page -> page.path("total").asLong() == 3);

        assertThat(listed("?q=" + token.toUpperCase())).containsExactlyInAnyOrder(open, won, lost);
        assertThat(listed("?status=OPEN&q=" + token)).containsExactly(open);
        assertThat(listed("?status=WON&q=" + token)).containsExactly(won);
        assertThat(listed("?status=LOST&q=" + token)).containsExactly(lost);
        JsonNode page = api.as(SAM).query("/api/opportunities?q=" + token + "&page=1&size=2").json();
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("total").asLong()).isEqualTo(3);
        assertProblem(api.as(SAM).query("/api/opportunities?status=PENDING"), 400);
    }

    private List<String> listed(String query) {
        Reply reply = api.as(SAM).query("/api/opportunities" + query);
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json().path("items").findValuesAsText("opportunityId");
    }

    @Test
    void historyAndAsOfTellTheOpportunitysPast() {
        String opportunityId = opportunity();
        Reply won = close(opportunityId, object("outcome", "WON"));
        JsonNode closed = read(opportunityId, won);
        Reply reopened = api.as(SAM).post(path(opportunityId) + "/reopen");
        read(opportunityId, reopened);

        Reply history = api.as(AUDREY).query(path(opportunityId) + "/history");
        assertThat(history.status()).as("%s", history).isEqualTo(200);
        assertThat(history.json().findValuesAsText("type")).containsSubsequence("OpportunityCreated",
                "OpportunityClosed", "OpportunityReopened");
        assertThat(history.json().findValuesAsText("actor")).contains("sam");
        assertThat(api.as(ADA).query(path(opportunityId) + "/history").status()).isEqualTo(200);
        assertProblem(api.as(SAM).query(path(opportunityId) + "/history"), 403);

        String closedAt = null;
        for (JsonNode entry : history.json()) {
            if (entry.path("type").asText().equals("OpportunityClosed")) {
                closedAt = entry.path("occurredAt").asText();
            }
        }
        Reply then = api.as(SAM).query(path(opportunityId) + "?asOf=" + closedAt);
        assertThat(then.status()).as("%s", then).isEqualTo(200);
        assertThat(then.json().path("status").asText()).isEqualTo("WON");
        assertThat(then.json().path("version").asLong()).isEqualTo(closed.path("version").asLong());
        assertThat(api.as(SAM).query(path(opportunityId)).json().path("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void anIdempotencyKeyClosesOnceAndAnswersTheRepeatAlike() {
        String opportunityId = opportunity();
        String key = "close-" + Leads.token();

        Reply first = api.as(SAM).withHeader("Idempotency-Key", key).post(path(opportunityId) + "/close",
                object("outcome", "LOST", "reason", "Postponed"));
        Reply repeat = api.as(SAM).withHeader("Idempotency-Key", key).post(path(opportunityId) + "/close",
                object("outcome", "LOST", "reason", "Postponed"));

        assertThat(first.status()).as("%s", first).isEqualTo(204);
        assertThat(repeat.status()).as("%s", repeat).isEqualTo(204);
        assertThat(repeat.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(events.eventsOf(opportunityId)).extracting(EventStoreTable.StoredEvent::type)
                .containsOnlyOnce("OpportunityClosed");
        assertProblem(close(opportunityId, object("outcome", "LOST", "reason", "Postponed")), 409,
                "opportunity-closed");
    }
}
