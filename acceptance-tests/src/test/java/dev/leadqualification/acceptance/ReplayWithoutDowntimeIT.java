package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Api.Side;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.LiveReadModels;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.RunningServices;
import dev.leadqualification.acceptance.support.Sales;
import dev.leadqualification.platform.testing.FreshDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.User.ADA;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * API.md "Replay without downtime", with two query-side instances on a store of thousands of events: while a replay
 * builds the next generation, reads every few milliseconds from both instances never show fewer leads or accounts, an
 * older version of a lead or fewer notes than before it, nor fail; both instances switch at once (once one has shown
 * the rebuilt generation, no read begun afterwards on either shows the old one); the live generation keeps being
 * updated meanwhile and the rebuilt one goes on from there; afterwards every read model is as before. And when the
 * instance building is killed (SIGKILL) in the middle, the other resumes the rebuild and switches to it, reads never
 * break, and the restarted instance reads the same. Rebuild batches are small here (25 events) so that a rebuild lasts
 * long enough to be killed in the middle. Runs its own services.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayWithoutDowntimeIT {

    private static final String PROJECTIONS = "/api/admin/projections";
    private static final String REPLAY = PROJECTIONS + "/replay";
    private static final int ACCOUNTS = 4_000;
    private static final int LEADS = 30;
    private static final Duration BOUND = Duration.ofMinutes(3);

    private static RunningServices services;
    private static Api first;
    private static Api second;
    private static final String TOKEN = Leads.token();
    private static final List<String> leads = new ArrayList<>();
    private static String markedAccount;
    /** A lead outside the compared ones, changed while a rebuild runs. */
    private static String changedLead;

    @BeforeAll
    static void twoQuerySidesOnAStoreOfThousandsOfEvents() {
        services = RunningServices.prepareOwn("replay").withEnvironment("LEADS_REPLAY_BATCH_SIZE", "25").start();
        first = Api.on(services);
        second = Api.on(services).viaQuerySide(services.startAnotherQuerySide());
        StringBuilder accounts = new StringBuilder();
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.append(object("name", "Replay account " + i + " " + TOKEN)).append('\n');
        }
        Reply imported = first.as(ADA).send(Side.COMMAND, "POST", "/api/import/accounts?suppressDuplicateDetection=true",
                "application/x-ndjson", accounts.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as("%s", imported).isEqualTo(200);
        assertThat(imported.json().path("imported").asInt()).isEqualTo(ACCOUNTS);
        Sales sales = new Sales(first);
        for (int i = 0; i < LEADS; i++) {
            String leadId = sales.createLead(Leads.complete().put("lastName", "Replay-" + i + "-" + TOKEN));
            sales.addNote(leadId, object("title", "Call", "text", "First call."));
            sales.addNote(leadId, object("title", "Visit", "text", "Saw the site."));
            leads.add(leadId);
        }
        changedLead = sales.createLead(Leads.complete());
        for (String leadId : leads) {
            first.awaitLead(leadId, lead -> lead.path("notes").size() == 2);
        }
        markedAccount = first.as(SAM).query("/api/accounts?q=" + TOKEN + "&size=1").json().path("items").get(0)
                .path("accountId").asText();
        awaitNoRebuild(first);
        awaitNoRebuild(second);
    }

    @AfterAll
    static void stopThem() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    @Order(1)
    void readsNeverGoBackDuringAReplayAndBothInstancesSwitchAtOnce() throws Exception {
        Map<String, JsonNode> before = readModel(first);
        long generation = readModels(first).path("generation").asLong();
        // the live generation's copy of one account differs from what its events say: it shows which generation a
        // read came from (the rebuilt one has the name from the events)
        markAccountInTheLiveGeneration();
        Readers readers = new Readers(before, List.of(first, second)).start();
        try {
            awaitReads(readers, 50);
            Reply accepted = first.as(ADA).send(Side.QUERY, "POST", REPLAY, null, null);
            assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
            // the live generation is still kept up to date during the rebuild
            Reply patched = first.as(SAM).patch("/api/leads/" + changedLead, object("jobTitle", "Chief buyer"));
            assertThat(patched.status()).as("%s", patched).isEqualTo(204);
            first.awaitLead(changedLead, lead -> "Chief buyer".equals(lead.path("jobTitle").asText()));
            for (Api api : List.of(first, second)) {
                await().atMost(BOUND).pollInterval(Duration.ofMillis(100)).until(() ->
                        readModels(api).path("generation").asLong() > generation && !readModels(api).has("rebuild"));
            }
            awaitReads(readers, readers.reads.get() + 50);
        } finally {
            readers.stop();
        }

        assertThat(readers.violations).as("reads that went back or failed during the replay").isEmpty();
        assertThat(readers.marked).as("reads of the marked account").anyMatch(read -> read.live)
                .anyMatch(read -> !read.live);
        long firstRebuiltReadEnded = readers.marked.stream().filter(read -> !read.live)
                .mapToLong(MarkedRead::endedAt).min().orElseThrow();
        assertThat(readers.marked.stream().filter(read -> read.live && read.startedAt > firstRebuiltReadEnded))
                .as("reads of the old generation begun after a read of the new one had answered").isEmpty();
        assertThat(readModel(second)).isEqualTo(before);
        // the change made to the live generation during the rebuild is in the rebuilt one
        JsonNode changed = second.as(SAM).query("/api/leads/" + changedLead).json();
        assertThat(changed.path("jobTitle").asText()).isEqualTo("Chief buyer");
        assertThat(changed.path("version").asLong()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void whenTheBuildingInstanceIsKilledTheOtherResumesTheRebuildAndReadsNeverBreak() throws Exception {
        Map<String, JsonNode> before = readModel(second);
        long generation = readModels(second).path("generation").asLong();
        Readers readers = new Readers(before, List.of(second)).start();
        List<JsonNode> rebuilds = new ArrayList<>();
        try {
            Reply accepted = first.as(ADA).send(Side.QUERY, "POST", REPLAY, null, null);
            assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
            await().atMost(BOUND).pollInterval(Duration.ofMillis(10)).until(() ->
                    readModels(second).path("rebuild").path("position").asLong() > 0);
            services.killQuerySide();

            await().atMost(BOUND).pollInterval(Duration.ofMillis(50)).until(() -> {
                JsonNode status = readModels(second);
                if (status.has("rebuild")) {
                    rebuilds.add(status.path("rebuild"));
                }
                return status.path("generation").asLong() > generation && !status.has("rebuild");
            });
            awaitReads(readers, readers.reads.get() + 20);
        } finally {
            readers.stop();
        }

        assertThat(readers.violations).as("reads that went back or failed while the builder died").isEmpty();
        assertThat(rebuilds).as("the rebuild as the status showed it").anyMatch(rebuild ->
                rebuild.path("attempt").asInt() == 2 && rebuild.path("resumedFrom").asLong() > 0);
        assertThat(readModel(second)).isEqualTo(before);
        services.startQuerySide();
        assertThat(readModels(first).path("generation").asLong()).isEqualTo(generation + 1);
        assertThat(readModel(first)).isEqualTo(before);
    }

    /** Every read-model answer about this test's records. */
    private static Map<String, JsonNode> readModel(Api api) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String leadId : leads) {
            answers.put("/api/leads/" + leadId, api.as(SAM).query("/api/leads/" + leadId).json());
        }
        for (String list : List.of("/api/leads?q=" + TOKEN + "&size=100", "/api/accounts?q=" + TOKEN + "&size=100",
                "/api/accounts?q=" + TOKEN + "&size=100&page=39", "/api/accounts/" + markedAccount)) {
            answers.put(list, api.as(SAM).query(list).json());
        }
        return answers;
    }

    private static void markAccountInTheLiveGeneration() throws SQLException {
        try (Connection connection = LiveReadModels.pointAtTheLiveGeneration(DriverManager.getConnection(
                services.database().jdbcUrl(), FreshDatabase.USER, FreshDatabase.PASSWORD));
             PreparedStatement mark = connection.prepareStatement("UPDATE account_view SET details = details ||"
                     + " '{\"name\": \"Marked\"}' WHERE account_id = ?")) {
            mark.setObject(1, UUID.fromString(markedAccount));
            assertThat(mark.executeUpdate()).isEqualTo(1);
        }
    }

    private static JsonNode readModels(Api api) {
        Reply projections = api.as(ADA).query(PROJECTIONS);
        assertThat(projections.status()).as("%s", projections).isEqualTo(200);
        for (JsonNode processor : projections.json()) {
            if ("read-models".equals(processor.path("name").asText())) {
                return processor;
            }
        }
        throw new AssertionError("No read-models processor in " + projections);
    }

    private static void awaitNoRebuild(Api api) {
        await().atMost(BOUND).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode status = readModels(api);
            return status.path("lag").asLong() == 0 && !status.has("rebuild");
        });
    }

    private static void awaitReads(Readers readers, int count) {
        await().atMost(BOUND).until(() -> readers.reads.get() >= count);
    }

    /** A read of the marked account: when it began and ended (ns), and whether it came from the first generation. */
    private record MarkedRead(long startedAt, long endedAt, boolean live) {
    }

    /** Threads reading without pause from each instance and noting every read that shows less than before. */
    private static final class Readers {

        private final Map<String, JsonNode> before;
        private final List<Api> apis;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger reads = new AtomicInteger();
        private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<MarkedRead> marked = new ConcurrentLinkedQueue<>();
        private final List<Thread> threads = new ArrayList<>();

        Readers(Map<String, JsonNode> before, List<Api> apis) {
            this.before = before;
            this.apis = apis;
        }

        Readers start() {
            for (Api api : apis) {
                Thread thread = new Thread(() -> read(api), "reader");
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
            return this;
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(10_000);
            }
        }

        private void read(Api api) {
            int round = 0;
            while (running.get()) {
                String leadId = leads.get(round++ % leads.size());
                JsonNode lead = answer(api, "/api/leads/" + leadId);
                JsonNode old = before.get("/api/leads/" + leadId);
                if (lead != null && (lead.path("version").asLong() < old.path("version").asLong()
                        || lead.path("notes").size() < old.path("notes").size())) {
                    violations.add("lead " + leadId + " went back: " + lead);
                }
                for (String list : List.of("/api/leads?q=" + TOKEN + "&size=1", "/api/accounts?q=" + TOKEN + "&size=1")) {
                    JsonNode page = answer(api, list);
                    long total = before.get(list.replace("size=1", "size=100")).path("total").asLong();
                    if (page != null && page.path("total").asLong() < total) {
                        violations.add(list + " shows fewer: " + page.path("total"));
                    }
                }
                long startedAt = System.nanoTime();
                JsonNode account = answer(api, "/api/accounts/" + markedAccount);
                if (account != null) {
                    marked.add(new MarkedRead(startedAt, System.nanoTime(),
                            "Marked".equals(account.path("name").asText())));
                }
                reads.incrementAndGet();
            }
        }

        private JsonNode answer(Api api, String path) {
            Reply reply = api.as(SAM).query(path);
            if (reply.status() != 200) {
                violations.add(path + " answered " + reply);
                return null;
            }
            return reply.json();
        }
    }
}
