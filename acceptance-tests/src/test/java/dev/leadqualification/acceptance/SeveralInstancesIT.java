package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Api.Side;
import dev.leadqualification.acceptance.support.EventStoreTable;
import dev.leadqualification.acceptance.support.Json;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.RunningServices;
import dev.leadqualification.acceptance.support.Sales;
import dev.leadqualification.acceptance.support.ServerSentEvents;
import dev.leadqualification.acceptance.support.ServerSentEvents.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Problems.assertProblem;
import static dev.leadqualification.acceptance.support.User.ADA;
import static dev.leadqualification.acceptance.support.User.AUDREY;
import static dev.leadqualification.acceptance.support.User.SAM;
import static dev.leadqualification.acceptance.support.User.SUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two command-side and two query-side instances on one database, requests spread over them as a load balancer
 * would: every rule holds whichever instance answers, the processors share their segments, a replay asked of one
 * instance runs once across both, the event stream of one resumes on the other, and when one instance of each side
 * is killed (SIGKILL) in the middle of bulk qualifications the survivors take its work over: every lead completes
 * exactly once. Runs its own services.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralInstancesIT {

    private static final Duration TAKE_OVER = Duration.ofMinutes(2);

    private static RunningServices services;
    /** Commands to the first command side, reads from the first query side. */
    private static Api first;
    /** Commands to the second command side, reads from the second query side. */
    private static Api second;
    private static String secondQuerySide;
    private static EventStoreTable events;

    @BeforeAll
    static void twoInstancesOfEachSide() {
        services = RunningServices.startOwn("instances");
        String secondCommandSide = services.startAnotherCommandSide();
        secondQuerySide = services.startAnotherQuerySide();
        first = Api.on(services);
        second = Api.on(services).viaCommandSide(secondCommandSide).viaQuerySide(secondQuerySide);
        events = new EventStoreTable(services.database());
    }

    @AfterAll
    static void stopThem() {
        if (events != null) {
            events.close();
        }
        if (services != null) {
            services.close();
        }
    }

    @Test
    @Order(1)
    void aCommandDecidesOnTheLeadAsStoredWhicheverInstanceLastUsedIt() {
        String leadId = new Sales(first).createLead(Leads.complete());
        assertThat(patch(first, leadId, "Buyer").status()).isEqualTo(204);   // the first instance now holds the lead
        assertThat(patch(second, leadId, "CTO").status()).isEqualTo(204);

        Reply back = patch(first, leadId, "Buyer");   // what the first instance last saw, but not what is stored
        assertThat(back.status()).as("%s", back).isEqualTo(204);
        assertThat(back.header("ETag")).as("a third change").isEqualTo("\"3\"");
        assertThat(first.awaitLead(leadId, lead -> lead.path("version").asLong() >= 3).path("jobTitle").asText())
                .isEqualTo("Buyer");

        Reply disqualified = second.as(SAM).post("/api/leads/" + leadId + "/disqualify", object("reason", "LOST"));
        assertThat(disqualified.status()).as("%s", disqualified).isEqualTo(204);
        Reply reactivated = first.as(SAM).post("/api/leads/" + leadId + "/reactivate");
        assertThat(reactivated.status()).as("%s", reactivated).isEqualTo(204);

        Reply note = second.as(SAM).post("/api/leads/" + leadId + "/notes", object("title", "Call", "text", "Demo."));
        assertThat(note.status()).as("%s", note).isEqualTo(201);
        Reply qualified = second.as(SAM).post("/api/leads/" + leadId + "/qualify", Leads.allRecords());
        assertThat(qualified.status()).as("%s", qualified).isEqualTo(200);

        JsonNode completed = first.awaitLead(leadId, Leads.qualificationCompleted());
        JsonNode opportunity = second.awaitRecord("/api/opportunities/"
                + completed.path("qualification").path("opportunityId").asText());
        assertThat(opportunity.path("notes")).hasSize(1);
        assertThat(events.countBy("LeadQualificationCompleted", "leadId")).containsEntry(leadId, 1L);
    }

    @Test
    @Order(1)
    void whoMayChangeALeadIsDecidedOnItsOwnerAsStoredWhicheverInstanceLastUsedIt() {
        String leadId = new Sales(first).createLead(Leads.complete());
        assertThat(patch(first, leadId, "Buyer").status()).isEqualTo(204);   // the first instance holds sam's lead
        Reply assigned = second.as(SAM).post("/api/leads/" + leadId + "/assign", object("ownerId", SUE.username()));
        assertThat(assigned.status()).as("%s", assigned).isEqualTo(204);

        assertProblem(patch(first, leadId, "CTO"), 403, "not-owner");   // sam's, as the first instance last saw it
        Reply bySue = first.as(SUE).patch("/api/leads/" + leadId, object("jobTitle", "CTO"));
        assertThat(bySue.status()).as("%s", bySue).isEqualTo(204);
        assertThat(bySue.header("ETag")).isEqualTo("\"3\"");
    }

    @Test
    @Order(2)
    void aRecordCreatedOnOneInstanceIsADuplicateOnTheOtherAndAKeyIsUsedOnceAcrossBoth() {
        String name = "Fabrikam " + Leads.token();
        Reply created = first.as(SAM).post("/api/accounts", object("name", name));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        Reply duplicate = second.as(SAM).post("/api/accounts", object("name", Leads.caseAndSpaceVariant(name)));
        assertThat(duplicate.status()).as("%s", duplicate).isEqualTo(409);
        assertThat(duplicate.json().path("type").asText()).endsWith("/duplicates-found");

        String key = "key-" + Leads.token();
        ObjectNode lead = Leads.minimal();
        Reply once = first.as(SAM).withHeader("Idempotency-Key", key).post("/api/leads", lead);
        Reply again = second.as(SAM).withHeader("Idempotency-Key", key).post("/api/leads", lead);
        assertThat(once.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("leadId").asText()).isEqualTo(once.json().path("leadId").asText());
        assertThat(events.count("LeadCreated")).isEqualTo(events.countBy("LeadCreated", "leadId").size());
    }

    @Test
    @Order(3)
    void theQuerySidesShareTheSegmentsOfTheirProcessor() {
        await().atMost(TAKE_OVER).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonNode readModels = readModelsProcessor(second);
            Set<String> owners = new HashSet<>();
            readModels.path("segments").forEach(segment -> owners.add(segment.path("owner").asText(null)));
            assertThat(owners).as("%s", readModels).hasSize(2).doesNotContainNull();
        });
    }

    @Test
    @Order(4)
    void theEventStreamOfOneInstanceResumesOnTheOtherWithoutGapOrRepeat() {
        long head = events.lastGlobalIndex();
        List<Event> before;
        try (ServerSentEvents stream = ServerSentEvents.open(services, AUDREY, "/api/events", Map.of())) {
            before = stream.until(event -> event.position() >= head / 2, Duration.ofSeconds(30));
        }
        long resumeAfter = before.get(before.size() - 1).position();
        List<Event> after;
        try (ServerSentEvents stream = ServerSentEvents.open(secondQuerySide, AUDREY, "/api/events",
                Map.of("Last-Event-ID", Long.toString(resumeAfter)))) {
            after = stream.until(event -> event.position() >= head, Duration.ofSeconds(30));
        }
        List<Long> positions = Stream.concat(before.stream(), after.stream()).map(Event::position).toList();
        List<Long> stored = events.eventsAfter(0).stream().map(EventStoreTable.StoredEvent::globalIndex)
                .filter(position -> position <= head).toList();
        assertThat(positions).isEqualTo(stored);
    }

    @Test
    @Order(5)
    void aReplayAskedOfOneInstanceRunsOnceAcrossBothAndRebuildsTheReadModels() {
        awaitCaughtUp();
        JsonNode leadsBefore = first.as(SAM).query("/api/leads?size=200").json();

        List<CompletableFuture<Reply>> requests = Stream.of(first, second)
                .map(api -> CompletableFuture.supplyAsync(() -> api.as(ADA).send(Side.QUERY, "POST",
                        "/api/admin/projections/replay", null, null)))
                .toList();
        List<Integer> statuses = requests.stream().map(CompletableFuture::join).map(Reply::status).toList();
        assertThat(statuses).as("%s", requests.stream().map(CompletableFuture::join).toList())
                .containsExactlyInAnyOrder(202, 409);

        awaitCaughtUp();
        JsonNode leadsAfter = second.as(SAM).query("/api/leads?size=200").json();
        assertThat(leadsAfter.path("total")).isEqualTo(leadsBefore.path("total"));
        assertThat(byId(leadsAfter)).isEqualTo(byId(leadsBefore));
    }

    @Test
    @Order(6)
    void whenOneInstanceOfEachSideIsKilledInTheMiddleOfBulkQualificationsTheOthersCompleteEveryLeadOnce() {
        Sales sales = new Sales(second);
        List<String> leadIds = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            leadIds.add(sales.createLead(Leads.complete()));
        }
        long qualifiedBefore = events.count("LeadQualified");
        CompletableFuture<Void> onFirst = CompletableFuture.runAsync(() -> bulkQualify(first, leadIds.subList(0, 60)));
        CompletableFuture<Void> onSecond = CompletableFuture.runAsync(() -> bulkQualify(second,
                leadIds.subList(60, 120)));
        await().atMost(TAKE_OVER).pollInterval(Duration.ofMillis(20))
                .until(() -> events.count("LeadQualified") >= qualifiedBefore + 20);
        services.killCommandSide();
        services.killQuerySide();
        onFirst.exceptionally(killed -> null).join();
        onSecond.join();

        Set<String> accepted = events.countBy("LeadQualified", "leadId").keySet().stream()
                .filter(leadIds::contains).collect(Collectors.toSet());
        assertThat(accepted).containsAll(leadIds.subList(60, 120));
        await().atMost(TAKE_OVER).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(events.countBy("LeadQualificationCompleted", "leadId")).containsKeys(
                        accepted.toArray(String[]::new)));
        Map<String, Long> completions = events.countBy("LeadQualificationCompleted", "leadId");
        Map<String, Long> opportunities = events.countBy("OpportunityCreated", "originatingLeadId");
        for (String leadId : accepted) {
            assertThat(completions.get(leadId)).as("completions of %s", leadId).isEqualTo(1L);
            assertThat(opportunities.get(leadId)).as("opportunities of %s", leadId).isEqualTo(1L);
        }
        for (String leadId : accepted) {
            second.awaitLead(leadId, Leads.qualificationCompleted());
        }
    }

    private static void bulkQualify(Api api, List<String> leadIds) {
        for (int from = 0; from < leadIds.size(); from += 20) {
            ObjectNode request = Leads.allRecords().set("leadIds", Json.MAPPER.valueToTree(
                    leadIds.subList(from, Math.min(leadIds.size(), from + 20))));
            api.as(SAM).post("/api/leads/qualify", request);
        }
    }

    private static Reply patch(Api api, String leadId, String jobTitle) {
        return api.as(SAM).patch("/api/leads/" + leadId, object("jobTitle", jobTitle));
    }

    private static JsonNode readModelsProcessor(Api api) {
        Reply projections = api.as(ADA).query("/api/admin/projections");
        assertThat(projections.status()).as("%s", projections).isEqualTo(200);
        for (JsonNode processor : projections.json()) {
            if (processor.path("name").asText().equals("read-models")) {
                return processor;
            }
        }
        throw new AssertionError("No read-models processor in " + projections);
    }

    private static void awaitCaughtUp() {
        await().atMost(TAKE_OVER).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode processor = readModelsProcessor(first);
            assertThat(processor.path("lag").asLong()).as("%s", processor).isZero();
            assertThat(processor.path("replaying").asBoolean()).isFalse();
        });
    }

    private static Map<String, JsonNode> byId(JsonNode page) {
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        return items.stream().collect(Collectors.toMap(item -> item.path("leadId").asText(), Function.identity()));
    }
}
