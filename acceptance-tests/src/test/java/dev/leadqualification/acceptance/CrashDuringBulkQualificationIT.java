package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.EventStoreTable;
import dev.leadqualification.acceptance.support.Json;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.RunningServices;
import dev.leadqualification.acceptance.support.Sales;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.User.ADA;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A crash in the middle of bulk qualifications loses nothing and does nothing twice. Bulk qualify calls run
 * while the query side is killed (SIGKILL) as it catches up with them, then the command side in the middle of
 * a call; both start again. Every qualification the event store accepted completes (the saga resumes where the
 * crash left it), every record and note transfer exists exactly once, in the store and in the read models,
 * which all catch up; the leads whose qualification was never accepted are still open and qualify normally.
 * Runs its own services.
 */
class CrashDuringBulkQualificationIT {

    private static final int LEADS = 200;
    private static final int LEADS_PER_CALL = 100;
    /** Restarts, the killed instances' token claims running out, the saga and the projections catching up. */
    private static final Duration RECOVERY = Duration.ofMinutes(3);
    private static final List<String> RECORD_EVENTS = List.of("AccountCreated", "ContactCreated", "OpportunityCreated");

    private static RunningServices services;
    private static Api api;
    private static Sales sales;
    private static EventStoreTable events;

    @BeforeAll
    static void ownServices() {
        services = RunningServices.startOwn("crash");
        api = Api.on(services);
        sales = new Sales(api);
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
    void everyAcceptedQualificationCompletesExactlyOnceAndTheOthersQualifyAfterwards() throws InterruptedException {
        Map<String, String> noteOfLead = new LinkedHashMap<>();
        for (int i = 0; i < LEADS; i++) {
            String leadId = sales.createLead(Leads.complete());
            noteOfLead.put(leadId, sales.addNote(leadId, object("title", "Call " + i, "text", "Wants a demo.")));
        }
        List<String> leadIds = List.copyOf(noteOfLead.keySet());

        Thread bulk = new Thread(() -> qualifyUntilTheServiceIsGone(leadIds), "bulk-qualify");
        bulk.start();
        awaitStored("LeadQualified", LEADS / 4);
        services.killQuerySide(); // as it projects the qualifications coming in
        awaitStored("LeadQualified", LEADS * 3 / 4);
        services.killCommandSide(); // in the middle of the second call
        bulk.join();
        services.startCommandSide();
        services.startQuerySide();

        Set<String> accepted = events.countBy("LeadQualified", "leadId").keySet();
        List<String> neverAccepted = leadIds.stream().filter(leadId -> !accepted.contains(leadId)).toList();
        assertThat(accepted).as("qualifications accepted before the crash").isNotEmpty();
        assertThat(neverAccepted).as("leads whose qualification the crash prevented").isNotEmpty();

        awaitCompletedExactlyOnce(accepted, noteOfLead);
        awaitReadModelsShowExactly(accepted, noteOfLead);

        for (List<String> call : calls(neverAccepted)) {
            for (JsonNode result : qualify(call).json().path("results")) {
                assertThat(result.path("outcome").asText()).as("%s", result).isEqualTo("QUALIFIED");
            }
        }
        awaitCompletedExactlyOnce(noteOfLead.keySet(), noteOfLead);
        awaitReadModelsShowExactly(noteOfLead.keySet(), noteOfLead);
    }

    /** The bulk calls one after the other, until one fails because the command side was killed. */
    private static void qualifyUntilTheServiceIsGone(List<String> leadIds) {
        try {
            for (List<String> call : calls(leadIds)) {
                api.as(SAM).post("/api/leads/qualify", qualifyRequest(call));
            }
        } catch (RuntimeException killed) {
            // the command side is gone: what it accepted is in the event store, which the test reads
        }
    }

    private static Reply qualify(List<String> leadIds) {
        Reply reply = api.as(SAM).post("/api/leads/qualify", qualifyRequest(leadIds));
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply;
    }

    private static ObjectNode qualifyRequest(List<String> leadIds) {
        return Leads.allRecords().set("leadIds", Json.MAPPER.valueToTree(leadIds));
    }

    private static List<List<String>> calls(List<String> leadIds) {
        List<List<String>> calls = new ArrayList<>();
        for (int from = 0; from < leadIds.size(); from += LEADS_PER_CALL) {
            calls.add(leadIds.subList(from, Math.min(leadIds.size(), from + LEADS_PER_CALL)));
        }
        return calls;
    }

    private static void awaitStored(String eventName, long count) {
        await().atMost(RECOVERY).pollInterval(Duration.ofMillis(20)).until(() -> events.count(eventName) >= count);
    }

    /**
     * Once every lead's qualification has completed in the event store: exactly one account, contact and
     * opportunity per lead, each note transferred exactly once, and no other record or transfer.
     */
    private static void awaitCompletedExactlyOnce(Collection<String> leadIds, Map<String, String> noteOfLead) {
        await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(events.countBy("LeadQualificationCompleted", "leadId")).containsOnlyKeys(leadIds));
        Map<String, Long> oncePerLead = onceEach(leadIds);
        assertThat(events.countBy("LeadQualificationCompleted", "leadId")).isEqualTo(oncePerLead);
        for (String recordEvent : RECORD_EVENTS) {
            assertThat(events.countBy(recordEvent, "originatingLeadId")).as(recordEvent).isEqualTo(oncePerLead);
        }
        assertThat(events.countBy("NoteTransferred", "fromLeadId")).isEqualTo(oncePerLead);
        assertThat(events.countBy("NoteTransferred", "noteId"))
                .isEqualTo(onceEach(leadIds.stream().map(noteOfLead::get).toList()));
        assertThat(events.count("LeadQualificationFailed")).isZero();
    }

    /**
     * Once every projection has caught up with the store: the qualified leads show their qualification completed
     * and the others are open and unqualified; each opportunity has its lead's note once; the account and
     * contact lists hold one record per qualified lead.
     */
    private static void awaitReadModelsShowExactly(Collection<String> qualified, Map<String, String> noteOfLead) {
        await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Reply projections = api.as(ADA).query("/api/admin/projections");
            assertThat(projections.status()).as("%s", projections).isEqualTo(200);
            for (JsonNode projection : projections.json()) {
                assertThat(projection.path("lag").asLong()).as("%s", projection).isZero();
            }
        });
        List<JsonNode> leads = allItems("/api/leads");
        assertThat(leads.stream().map(lead -> lead.path("leadId").asText()).toList())
                .containsExactlyInAnyOrderElementsOf(noteOfLead.keySet());
        for (JsonNode lead : leads) {
            if (qualified.contains(lead.path("leadId").asText())) {
                assertThat(Leads.qualificationCompleted().test(lead)).as("completed: %s", lead).isTrue();
                JsonNode opportunity = api.awaitRecord("/api/opportunities/"
                        + lead.path("qualification").path("opportunityId").asText());
                assertThat(opportunity.path("notes")).as("notes of %s", opportunity).hasSize(1);
                assertThat(opportunity.path("notes").get(0).path("noteId").asText())
                        .isEqualTo(noteOfLead.get(lead.path("leadId").asText()));
            } else {
                assertThat(lead.path("status").asText()).as("%s", lead).isEqualTo("OPEN");
                assertThat(lead.path("qualification").isMissingNode() || lead.path("qualification").isNull())
                        .as("qualification of %s", lead).isTrue();
            }
        }
        for (String list : List.of("/api/accounts", "/api/contacts")) {
            assertThat(allItems(list).stream().map(record -> record.path("originatingLeadId").asText()).toList())
                    .as(list).containsExactlyInAnyOrderElementsOf(qualified);
        }
    }

    private static List<JsonNode> allItems(String list) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            Reply reply = api.as(SAM).query(list + "?size=200&page=" + page);
            assertThat(reply.status()).as("%s", reply).isEqualTo(200);
            reply.json().path("items").forEach(items::add);
            if (reply.json().path("items").isEmpty() || items.size() >= reply.json().path("total").asLong()) {
                return items;
            }
        }
    }

    private static Map<String, Long> onceEach(Collection<String> keys) {
        return keys.stream().collect(Collectors.toMap(Function.identity(), key -> 1L, Long::sum, HashMap::new));
    }
}
