package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.EventStoreTable;
import dev.leadqualification.acceptance.support.EventStoreTable.StoredEvent;
import dev.leadqualification.acceptance.support.HostileBodies;
import dev.leadqualification.acceptance.support.HostileBodies.Body;
import dev.leadqualification.acceptance.support.Json;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.RunningServices;
import dev.leadqualification.acceptance.support.Sales;
import dev.leadqualification.acceptance.support.User;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import static dev.leadqualification.acceptance.support.Api.Side.COMMAND;
import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.Problems.TYPE_BASE;
import static dev.leadqualification.acceptance.support.Problems.assertProblem;
import static dev.leadqualification.acceptance.support.Problems.assertValidation;
import static dev.leadqualification.acceptance.support.User.ADA;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hostile input never gets a 5xx, every refusal is a problem, and a refused request writes nothing. At least
 * 3,000 bodies made from valid ones by a seeded {@link Random} (the seed is printed; {@code -Dfuzz.seed=N}
 * repeats a run) go, one after another, to every command endpoint of API.md on services of this test's own, and
 * the event store is compared before and after each. After an accepted request the test waits until the
 * qualification saga has finished, so every write it sees belongs to the request it checks.
 */
class HostileInputIT {

    private static final long SEED = Long.getLong("fuzz.seed", new SecureRandom().nextLong());
    private static final int BODIES = 3_000;
    private static final int MOST_FAILURES_SHOWN = 25;
    /** How long the qualification saga may take to carry out an accepted qualify. */
    private static final Duration QUIET = Duration.ofSeconds(30);

    private static RunningServices services;
    private static Api api;
    private static Sales sales;
    private static EventStoreTable store;

    private final Random random = new Random(SEED);
    private final HostileBodies hostile = new HostileBodies(random);
    private String openLead;
    private String closedLead;
    private String account;

    @BeforeAll
    static void startOwnServices() {
        // one request at a time needs few connections: leave the rest of the server's to others
        services = RunningServices.prepareOwn("fuzz").withEnvironment("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "5")
                .start();
        api = Api.on(services);
        sales = new Sales(api);
        store = new EventStoreTable(services.database());
    }

    @AfterAll
    static void stopServices() {
        store.close();
        services.close();
    }

    /** One command endpoint: who calls it, where, a valid body, and what an accepted request changed. */
    private record Endpoint(String name, String method, User user, String contentType,
                            Function<HostileInputIT, String> path, Function<HostileInputIT, ObjectNode> validBody,
                            AfterSuccess afterSuccess) {
    }

    private interface AfterSuccess {
        void update(HostileInputIT test);
    }

    private static final AfterSuccess NOTHING = test -> {
    };

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("create lead", "POST", SAM, HostileBodies.JSON, test -> "/api/leads",
                    HostileInputIT::validLead, NOTHING),
            new Endpoint("patch lead", "PATCH", SAM, "application/merge-patch+json",
                    test -> test.leadPath(test.openLead, ""), HostileInputIT::validPatch, NOTHING),
            new Endpoint("qualification details", "PUT", SAM, HostileBodies.JSON,
                    test -> test.leadPath(test.openLead, "/qualification-details"),
                    test -> Leads.qualificationDetails(), NOTHING),
            new Endpoint("add note", "POST", SAM, HostileBodies.JSON, test -> test.leadPath(test.openLead, "/notes"),
                    HostileInputIT::validNote, NOTHING),
            new Endpoint("qualify", "POST", SAM, HostileBodies.JSON, test -> test.leadPath(test.openLead, "/qualify"),
                    HostileInputIT::validQualifyOptions, test -> test.openLead = sales.createLead(Leads.complete())),
            new Endpoint("bulk qualify", "POST", SAM, HostileBodies.JSON, test -> "/api/leads/qualify",
                    HostileInputIT::validBulkQualify, test -> test.openLead = sales.createLead(Leads.complete())),
            new Endpoint("disqualify", "POST", SAM, HostileBodies.JSON,
                    test -> test.leadPath(test.openLead, "/disqualify"),
                    test -> object("reason", "NO_LONGER_INTERESTED", "description", "Bought elsewhere."), test -> {
                        test.closedLead = test.openLead;
                        test.openLead = sales.createLead(Leads.complete());
                    }),
            new Endpoint("reactivate", "POST", SAM, HostileBodies.JSON,
                    test -> test.leadPath(test.closedLead, "/reactivate"), test -> object(),
                    test -> disqualify(test.closedLead)),
            new Endpoint("create account", "POST", SAM, HostileBodies.JSON, test -> "/api/accounts",
                    HostileInputIT::validAccount, NOTHING),
            new Endpoint("create contact", "POST", SAM, HostileBodies.JSON, test -> "/api/contacts",
                    HostileInputIT::validContact, NOTHING),
            new Endpoint("change settings", "PUT", ADA, HostileBodies.JSON, test -> Api.SETTINGS,
                    HostileInputIT::validSettings, NOTHING),
            new Endpoint("define duplicate rule", "POST", ADA, HostileBodies.JSON, test -> "/api/duplicate-rules",
                    HostileInputIT::validRule, NOTHING));

    @Test
    void everyHostileBodyIsAnsweredWithoutServerErrorAndEveryRefusalWritesNothing() {
        System.out.println("HostileInputIT seed " + SEED + " (repeat with -Dfuzz.seed=" + SEED + ")");
        openLead = sales.createLead(Leads.complete());
        closedLead = newClosedLead();
        account = sales.createAccount(object("name", "Fabrikam " + Leads.token()));
        Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();

        long started = System.nanoTime();
        int sent = 0;
        long before = quietPosition();
        for (int i = 0; i < BODIES && failures.size() < MOST_FAILURES_SHOWN; i++) {
            Endpoint endpoint = ENDPOINTS.get(i % ENDPOINTS.size());
            Body body = hostile.from(endpoint.validBody().apply(this), endpoint.contentType());
            String path = endpoint.path().apply(this);
            Reply reply = api.as(endpoint.user()).send(COMMAND, endpoint.method(), path, body.contentType(), body.bytes());
            sent++;
            statuses.computeIfAbsent(endpoint.name(), name -> new TreeMap<>()).merge(reply.status(), 1, Integer::sum);
            String failure;
            boolean stuck = false;
            try {
                if (reply.status() < 400) {
                    failure = checkAccepted(endpoint, before);
                    endpoint.afterSuccess().update(this);
                    before = quietPosition();
                } else {
                    List<StoredEvent> written = store.eventsAfter(before);
                    failure = checkRefused(reply, written);
                    before = written.isEmpty() ? before : written.get(written.size() - 1).globalIndex();
                }
            } catch (ConditionTimeoutException unfinished) {
                failure = "what it started did not finish within " + QUIET.toSeconds() + " s";
                stuck = true;
            }
            if (failure != null) {
                failures.add("#" + i + " " + endpoint.name() + " " + path + ": " + failure + System.lineSeparator()
                        + "  body: " + body + System.lineSeparator() + "  answer: " + reply);
            }
            if (stuck) {
                break;
            }
        }

        System.out.println("HostileInputIT: " + sent + " bodies in " + (System.nanoTime() - started) / 1_000_000_000
                + " s; answers by endpoint and status: " + statuses);
        assertThat(failures).as("seed %d", SEED).isEmpty();
        assertThat(statuses).as("every endpoint also accepted some bodies (seed %d)", SEED)
                .allSatisfy((endpoint, counts) -> assertThat(counts.keySet()).anyMatch(status -> status < 300));
    }

    @Test
    void fieldsAClientMustNotSetAreNeverBound() {
        ObjectNode lead = Leads.minimal();
        lead.put("status", "QUALIFIED").put("statusReason", "LOST").put("processStage", "DEVELOP")
                .put("version", 42).put("createdBy", "mallory").put("actor", "mallory")
                .set("qualification", object("qualifiedBy", "mallory", "completed", true));
        String leadId = sales.createLead(lead);

        JsonNode created = api.awaitRecord("/api/leads/" + leadId);
        assertThat(created.path("status").asText()).isEqualTo("OPEN");
        assertThat(created.path("statusReason").asText()).isEqualTo("NEW");
        assertThat(created.path("processStage").asText()).isEqualTo("QUALIFY");
        assertThat(created.path("version").asLong()).isZero();
        assertThat(created.path("createdBy").asText()).isEqualTo(SAM.username());
        assertThat(created.path("qualification").isMissingNode() || created.path("qualification").isNull()).isTrue();
        assertThat(store.eventsOf(leadId)).extracting(StoredEvent::actor).containsOnly(SAM.username());

        assertValidation(api.as(SAM).patch("/api/leads/" + leadId, object("status", "QUALIFIED", "version", 7,
                "createdBy", "mallory")), "status", "version", "createdBy");

        String noteId = UUID.randomUUID().toString();
        Reply note = api.as(SAM).post("/api/leads/" + leadId + "/notes", object("noteId", noteId, "title", "Call"));
        assertThat(note.status()).as("%s", note).isEqualTo(201);
        assertThat(note.json().path("noteId").asText()).isNotEqualTo(noteId);

        String account = sales.createAccount(object("name", "Northwind " + Leads.token(), "originatingLeadId", leadId,
                "createdBy", "mallory"));
        JsonNode stored = api.awaitRecord("/api/accounts/" + account);
        assertThat(stored.path("originatingLeadId").isMissingNode() || stored.path("originatingLeadId").isNull())
                .as("%s", stored).isTrue();
        assertThat(stored.path("createdBy").asText()).isEqualTo(SAM.username());
    }

    @Test
    void textsWithControlCharactersOrUnpairedSurrogatesOrOverTheirLimitAreRefusedNamingTheField() {
        String lead = "/api/leads/" + sales.createLead(Leads.minimal());
        long before = quietPosition();

        assertValidation(api.as(SAM).post("/api/leads", Leads.minimal().put("lastName", "Lopez\u0000")), "lastName");
        assertValidation(api.as(SAM).post("/api/leads", Leads.minimal().put("description", "x".repeat(100_001))),
                "description");
        assertValidation(api.as(SAM).patch(lead, object("companyName", "Contoso\nInc")), "companyName");
        assertValidation(api.as(SAM).put(lead + "/qualification-details", object("customerNeed", "\u001b[31mred")),
                "customerNeed");
        assertValidation(api.as(SAM).post(lead + "/notes", object("title", "Call\r\n", "text", "Fine")), "title");
        assertValidation(api.as(SAM).post(lead + "/notes", object("attachment", object("fileName", "a\u0007.txt",
                "mimeType", "text/plain", "contentBase64", "aGk="))), "attachment.fileName");
        assertValidation(api.as(SAM).post(lead + "/disqualify", object("reason", "LOST", "description", "\u007f")),
                "description");
        assertValidation(api.as(SAM).send(COMMAND, "POST", "/api/accounts", HostileBodies.JSON,
                "{\"name\": \"Fabrikam \\ud800\"}".getBytes(StandardCharsets.UTF_8)), "name");
        assertValidation(api.as(SAM).post("/api/contacts", object("lastName", "Lopez",
                "address", object("city", "x".repeat(101)))), "address.city");
        assertValidation(api.as(ADA).post("/api/duplicate-rules", validRule().set("conditions",
                Json.MAPPER.valueToTree(List.of(object("field", "n".repeat(101), "operator", "EXACT"))))),
                "conditions[0].field");
        assertThat(store.eventsAfter(before)).extracting(StoredEvent::type).isEmpty();
    }

    @Test
    void longTextsKeepTheirTabsAndLineBreaks() {
        String description = "Line one\n\tindented\r\nLine three";
        String leadId = sales.createLead(Leads.minimal().put("description", description));

        assertThat(api.awaitRecord("/api/leads/" + leadId).path("description").asText()).isEqualTo(description);
    }

    @Test
    void aKeyGivenTwiceANumberBeyondEveryRangeAndAWildcardContentTypeAreRefused() {
        String lead = "/api/leads/" + sales.createLead(Leads.minimal());
        long before = quietPosition();

        assertProblem(sendRaw(lead + "/disqualify", HostileBodies.JSON,
                "{\"reason\": \"LOST\", \"description\": \"a\", \"description\": \"b\"}"), 400, "malformed-request");
        assertProblem(sendRaw("/api/leads", HostileBodies.JSON,
                "{\"topic\": \"a\", \"topic\": \"b\", \"lastName\": \"c\"}"), 400, "malformed-request");
        assertProblem(sendRaw("/api/leads", HostileBodies.JSON, "{\"topic\": \"a\", \"lastName\": \"b\", "
                + "\"estimatedValue\": {\"amount\": 1e2147483648, \"currency\": \"EUR\"}}"), 400, "malformed-request");
        assertProblem(sendRaw("/api/leads", "*/*", "{\"topic\": \"a\", \"lastName\": \"b\"}"), 415,
                "unsupported-media-type");
        assertThat(store.eventsAfter(before)).extracting(StoredEvent::type).isEmpty();
    }

    private static Reply sendRaw(String path, String contentType, String body) {
        return api.as(SAM).send(COMMAND, "POST", path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Accepted: what was written (the saga's records included) was written as the caller, no one else. */
    private String checkAccepted(Endpoint endpoint, long before) {
        awaitQuiet();
        for (StoredEvent event : store.eventsAfter(before)) {
            if (!endpoint.user().username().equals(event.actor())) {
                return "event " + event.type() + " of " + event.aggregateId() + " names actor " + event.actor();
            }
        }
        return null;
    }

    /** Refused: a problem answer, and nothing written (but the duplicate warning a qualify records, API.md rule 4). */
    private String checkRefused(Reply reply, List<StoredEvent> written) {
        if (reply.status() >= 500) {
            return "server error " + reply.status();
        }
        try {
            assertProblem(reply, reply.status());
        } catch (AssertionError notAProblem) {
            return notAProblem.getMessage();
        }
        boolean duplicateWarning = (TYPE_BASE + "duplicates-found").equals(reply.json().path("type").asText())
                && written.size() == 1 && written.get(0).type().equals("DuplicateDetected")
                && written.get(0).aggregateId().equals(openLead);
        if (!written.isEmpty() && !duplicateWarning) {
            return "a refused request wrote " + written.stream().map(StoredEvent::type).toList();
        }
        return null;
    }

    /** The event store's last position once no qualification is still being carried out. */
    private static long quietPosition() {
        awaitQuiet();
        return store.lastGlobalIndex();
    }

    /** Until every accepted qualification has been carried out by the saga, and every rule publication ended. */
    private static void awaitQuiet() {
        await().atMost(QUIET).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10)).until(() -> {
            Map<String, Long> counts = store.countsByType();
            return count(counts, "LeadQualified")
                    == count(counts, "LeadQualificationCompleted") + count(counts, "LeadQualificationFailed")
                    && count(counts, "DuplicateRulePublicationStarted") == count(counts, "DuplicateRulePublished");
        });
    }

    private static long count(Map<String, Long> counts, String type) {
        return counts.getOrDefault(type, 0L);
    }

    private static String newClosedLead() {
        String leadId = sales.createLead(Leads.complete());
        disqualify(leadId);
        return leadId;
    }

    private static void disqualify(String leadId) {
        Reply disqualified = api.as(SAM).post("/api/leads/" + leadId + "/disqualify", object("reason", "LOST"));
        assertThat(disqualified.status()).as("%s", disqualified).isEqualTo(204);
    }

    /** Mostly the lead at hand; now and then one that does not exist or an id that is not one. */
    private String leadPath(String leadId, String rest) {
        int pick = random.nextInt(50);
        String id = pick == 0 ? UUID.randomUUID().toString() : pick == 1 ? "not-a-uuid" : leadId;
        return "/api/leads/" + id + rest;
    }

    private ObjectNode validLead() {
        ObjectNode lead = Leads.complete();
        if (random.nextBoolean()) {
            lead.put("leadId", UUID.randomUUID().toString());
        }
        return lead;
    }

    private ObjectNode validPatch() {
        ObjectNode complete = Leads.complete();
        List<String> fields = new ArrayList<>();
        complete.fieldNames().forEachRemaining(fields::add);
        ObjectNode patch = object();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String field = fields.get(random.nextInt(fields.size()));
            patch.set(field, complete.get(field));
        }
        return patch;
    }

    private ObjectNode validNote() {
        byte[] content = new byte[random.nextInt(64)];
        random.nextBytes(content);
        return object("title", "Call " + random.nextInt(1000), "text", "Wants delivery in May.",
                "attachment", object("fileName", "brief.txt", "mimeType", "text/plain",
                        "contentBase64", Base64.getEncoder().encodeToString(content)));
    }

    private ObjectNode validQualifyOptions() {
        return switch (random.nextInt(5)) {
            case 0 -> object();
            case 1 -> Leads.allRecords();
            case 2 -> Leads.allRecords().put("opportunityCurrency", "EUR").put("suppressDuplicateDetection", true);
            case 3 -> object("createOpportunity", true, "duplicateResolution", object("action", "CREATE_NEW"));
            default -> object("createAccount", true, "createContact", false);
        };
    }

    private ObjectNode validBulkQualify() {
        ObjectNode request = Leads.allRecords();
        request.set("leadIds", Json.MAPPER.valueToTree(List.of(openLead, UUID.randomUUID().toString())));
        return request;
    }

    private ObjectNode validAccount() {
        String token = Leads.token();
        ObjectNode account = object("name", "Fabrikam " + token, "email", "info@" + token + ".example",
                "phone", "+34 600 000 000", "website", "https://" + token + ".example",
                "address", object("line1", "Gran Via 1", "city", "Madrid", "postalCode", "28013", "country", "ES"));
        if (random.nextBoolean()) {
            account.put("accountId", UUID.randomUUID().toString());
        }
        return random.nextBoolean() ? account.put("suppressDuplicateDetection", true) : account;
    }

    private ObjectNode validContact() {
        String token = Leads.token();
        ObjectNode contact = object("firstName", "Ana", "lastName", "Lopez " + token, "jobTitle", "CTO",
                "email", "ana@" + token + ".example", "businessPhone", "+34 600 000 001", "mobilePhone", "+34 600 000 002",
                "parentAccountId", account, "address", object("city", "Madrid", "country", "ES"));
        if (random.nextBoolean()) {
            contact.put("contactId", UUID.randomUUID().toString());
        }
        return contact;
    }

    private ObjectNode validSettings() {
        ObjectNode settings = object();
        for (String name : List.of("createRecordsByDefault", "improvedDuplicateDetection", "duplicateDetectionEnabled")) {
            if (random.nextBoolean()) {
                settings.put(name, random.nextInt(4) != 0);
            }
        }
        return settings;
    }

    private ObjectNode validRule() {
        return object("name", "Fuzz rule " + Leads.token(), "entity", "ACCOUNT",
                "conditions", List.of(object("field", "name", "operator", "SAME_FIRST_CHARACTERS", "characters", 3),
                        object("field", "phone", "operator", "EXACT")),
                "caseSensitive", false, "ignoreBlankValues", true);
    }
}
