package dev.leadqualification.command.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadqualification.command.duplicates.DuplicateRules;
import dev.leadqualification.kernel.duplicates.DuplicateRuleStatus;
import dev.leadqualification.platform.testing.FreshDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An import creates its records as the direct creates do. The same bodies, sent one by one to
 * {@code POST /api/accounts} and {@code /api/contacts} and as the lines of {@code POST /api/import/accounts} and
 * {@code /contacts} (each set under ids of its own), give the same creation events and the same rows in every table
 * of the command side outside the event store: whatever a handler of these events writes, today's lookups or one
 * added later, an imported record gets it as a commanded one does.
 */
@SpringBootTest(properties = {
        "leads.security.users[0].username=ada",
        "leads.security.users[0].password={noop}ada-secret",
        "leads.security.users[0].roles=ADMIN"})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportedRecordsAreCreatedAsCommandedOnesTest {

    private static final FreshDatabase DATABASE = FreshDatabase.create("imported_as_commanded");
    private static final String ADA = "Basic " + Base64.getEncoder()
            .encodeToString("ada:ada-secret".getBytes(StandardCharsets.UTF_8));
    private static final int RECORDS = 3;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.useAsDataSource(registry);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventSchema eventSchema;
    @Autowired
    DuplicateRules rules;
    @Autowired
    ObjectMapper objectMapper;

    /** The records of one way of creating them: an account and a contact under it, per body. */
    private record RecordSet(List<String> accountIds, List<String> contactIds) {

        static RecordSet withNewIds() {
            return new RecordSet(newIds(), newIds());
        }

        private static List<String> newIds() {
            return IntStream.range(0, RECORDS).mapToObj(n -> UUID.randomUUID().toString()).toList();
        }

        /** Each record's id to the name it has in every set: {@code account-0}, {@code contact-0}, ... */
        Map<String, String> commonNames() {
            Map<String, String> names = new TreeMap<>();
            for (int n = 0; n < RECORDS; n++) {
                names.put(accountIds.get(n), "account-" + n);
                names.put(contactIds.get(n), "contact-" + n);
            }
            return names;
        }
    }

    /** The background publication of the default rules computes every record's codes: done before the test. */
    @BeforeAll
    void defaultRulesPublished() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> !rules.all().isEmpty()
                && rules.all().stream().allMatch(rule -> rule.status() == DuplicateRuleStatus.PUBLISHED));
    }

    @Test
    void anImportedRecordHasTheEventAndEveryRowThatTheDirectCreateGivesIt() throws Exception {
        RecordSet imported = RecordSet.withNewIds();
        RecordSet commanded = RecordSet.withNewIds();

        importAll("/api/import/accounts", accountBodies(imported));
        importAll("/api/import/contacts", contactBodies(imported));
        for (String body : accountBodies(commanded)) {
            mvc.perform(post("/api/accounts").header(HttpHeaders.AUTHORIZATION, ADA)
                    .contentType("application/json").content(body)).andExpect(status().isCreated());
        }
        for (String body : contactBodies(commanded)) {
            mvc.perform(post("/api/contacts").header(HttpHeaders.AUTHORIZATION, ADA)
                    .contentType("application/json").content(body)).andExpect(status().isCreated());
        }

        assertThat(creationEvents(imported)).isEqualTo(creationEvents(commanded));
        Map<String, List<String>> importedRows = rowsOutsideTheEventStore(imported);
        Map<String, List<String>> commandedRows = rowsOutsideTheEventStore(commanded);
        assertThat(commandedRows).as("the tables the direct creates write")
                .containsKeys("account_directory", "contact_directory", "duplicate_match_code");
        assertThat(importedRows).isEqualTo(commandedRows);
    }

    private void importAll(String path, List<String> bodies) throws Exception {
        String report = mvc.perform(post(path).header(HttpHeaders.AUTHORIZATION, ADA)
                        .contentType("application/x-ndjson").content(String.join("\n", bodies)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(objectMapper.readTree(report).path("imported").asInt()).as(report).isEqualTo(RECORDS);
    }

    /**
     * Bodies of one line each, with varied details, all compared by the default duplicate rules; duplicate detection
     * suppressed, since the two sets match each other.
     */
    private static List<String> accountBodies(RecordSet set) {
        List<String> bodies = new ArrayList<>();
        for (int n = 0; n < RECORDS; n++) {
            bodies.add("""
                    {"accountId": "%s", "name": "Fabrikam %d", "email": "info%d@fabrikam.example", "phone": "+1 555 01%02d",
                     "website": "https://fabrikam%d.example", "address": {"line1": "%d Main St", "city": "Redmond"},
                     "suppressDuplicateDetection": true}""".formatted(set.accountIds().get(n), n, n, n, n, n)
                    .replace("\n", ""));
        }
        return bodies;
    }

    private static List<String> contactBodies(RecordSet set) {
        List<String> bodies = new ArrayList<>();
        for (int n = 0; n < RECORDS; n++) {
            bodies.add("""
                    {"contactId": "%s", "firstName": "Nancy", "lastName": "Davolio %d", "jobTitle": "Buyer",
                     "email": "nancy%d@fabrikam.example", "businessPhone": "+1 555 02%02d", "mobilePhone": "+1 555 03%02d",
                     "address": {"city": "Seattle"}, "parentAccountId": "%s", "suppressDuplicateDetection": true}"""
                    .formatted(set.contactIds().get(n), n, n, n, n, set.accountIds().get(n)).replace("\n", ""));
        }
        return bodies;
    }

    /**
     * Each record's events as Axon reads them (aggregate type, sequence, payload type and payload, who caused them),
     * the ids under their common names.
     */
    private List<String> creationEvents(RecordSet set) throws Exception {
        List<String> events = new ArrayList<>();
        for (String id : set.commonNames().keySet()) {
            for (DomainEventMessage<?> event : eventStore.readEvents(id).asStream().toList()) {
                events.add(commonNames(set, String.join(" ", event.getType(), String.valueOf(event.getSequenceNumber()),
                        event.getPayloadType().getName(), objectMapper.writeValueAsString(event.getPayload()),
                        String.valueOf(event.getMetaData().get("actor")))));
            }
        }
        return events.stream().sorted().toList();
    }

    /**
     * Every table but the event store's, by name: the rows that name a record of the set (as JSON, without their
     * points in time), sorted, the ids under their common names.
     */
    private Map<String, List<String>> rowsOutsideTheEventStore(RecordSet set) {
        Map<String, List<String>> rows = new TreeMap<>();
        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                  AND table_name NOT IN (?, ?)""", String.class,
                eventSchema.domainEventTable(), eventSchema.snapshotTable());
        for (String table : tables) {
            List<String> moments = jdbc.queryForList("""
                    SELECT column_name FROM information_schema.columns
                    WHERE table_schema = current_schema() AND table_name = ?
                      AND (data_type LIKE 'timestamp%' OR data_type = 'date')""", String.class, table);
            String sql = "SELECT (to_jsonb(t) - CAST(? AS text[]))::text FROM " + table + " t";
            List<String> named = jdbc.query(connection -> {
                        var statement = connection.prepareStatement(sql);
                        statement.setArray(1, connection.createArrayOf("text", moments.toArray()));
                        return statement;
                    }, (row, n) -> row.getString(1)).stream()
                    .filter(row -> set.commonNames().keySet().stream().anyMatch(row::contains))
                    .map(row -> commonNames(set, row)).sorted().collect(Collectors.toList());
            if (!named.isEmpty()) {
                rows.put(table, named);
            }
        }
        return rows;
    }

    private static String commonNames(RecordSet set, String text) {
        String named = text;
        for (Map.Entry<String, String> id : set.commonNames().entrySet()) {
            named = named.replace(id.getKey(), id.getValue());
        }
        return named;
    }
}
