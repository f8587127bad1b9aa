package dev.leadqualification.query.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.kernel.account.AccountCreated;
import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.common.Money;
import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.contact.ContactCreated;
import dev.leadqualification.kernel.contact.ContactDetails;
import dev.leadqualification.kernel.lead.Attachment;
import dev.leadqualification.kernel.lead.LeadCreated;
import dev.leadqualification.kernel.lead.LeadStatusReasonChanged;
import dev.leadqualification.kernel.lead.NoteAdded;
import dev.leadqualification.kernel.lead.QualificationDetailsUpdated;
import dev.leadqualification.kernel.lead.StatusReason;
import dev.leadqualification.kernel.opportunity.Customer;
import dev.leadqualification.kernel.opportunity.NoteTransferred;
import dev.leadqualification.kernel.opportunity.OpportunityCreated;
import dev.leadqualification.kernel.opportunity.OpportunityDetails;
import dev.leadqualification.platform.instances.ServiceInstance;
import dev.leadqualification.query.QuerySideTest;
import dev.leadqualification.query.SampleData;
import dev.leadqualification.query.account.AccountProjection;
import dev.leadqualification.query.attachment.AttachmentProjection;
import dev.leadqualification.query.contact.ContactProjection;
import dev.leadqualification.query.lead.LeadProjection;
import dev.leadqualification.query.opportunity.OpportunityProjection;
import dev.leadqualification.query.readmodel.ProjectionConfiguration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/admin/projections} and {@code POST /api/admin/projections/replay} on the query side with its
 * real processors: a replay builds the next generation of the read models, identical to the live one even where the
 * live one was damaged, and switches to it.
 */
class ProjectionReplayTest extends QuerySideTest {

    private static final String REPLAY = "/api/admin/projections/replay";
    private static final String PROJECTIONS = "/api/admin/projections";
    private static final List<String> PROJECTION_GROUPS = List.of(AccountProjection.PROCESSING_GROUP,
            AttachmentProjection.PROCESSING_GROUP, ContactProjection.PROCESSING_GROUP, LeadProjection.PROCESSING_GROUP,
            OpportunityProjection.PROCESSING_GROUP);
    private static final String PROCESSOR = ProjectionConfiguration.PROCESSOR;

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private ServiceInstance self;

    @Test
    void aReplayRebuildsEveryReadModelAsItWas() {
        Records records = appendOneOfEachRecord();
        Map<String, String> before = snapshot(records);

        // Damage every table: a changed row stays changed unless the reset handler empties the table (the handlers
        // never overwrite a row they find), a missing row stays missing unless the events are read from the first.
        damage("UPDATE lead_view SET status = 'DISQUALIFIED', version = 99 WHERE lead_id = ?", records.leadId);
        damage("DELETE FROM lead_note_view WHERE note_id = ?", records.plainNoteId);
        damage("UPDATE attachment_view SET content = 'tampered' WHERE note_id = ?", records.fileNoteId);
        damage("UPDATE account_view SET details = details || '{\"name\": \"Tampered\"}' WHERE account_id = ?",
                records.accountId);
        damage("UPDATE contact_view SET details = details || '{\"lastName\": \"Tampered\"}' WHERE contact_id = ?",
                records.contactId);
        damage("UPDATE opportunity_view SET process_stage = 'QUALIFY' WHERE opportunity_id = ?", records.opportunityId);
        damage("DELETE FROM opportunity_note_view WHERE opportunity_id = ?", records.opportunityId);
        assertThat(snapshot(records)).isNotEqualTo(before);

        long live = projection(get(ADMIN, PROJECTIONS).getBody(), PROCESSOR).path("generation").asLong();
        ResponseEntity<JsonNode> accepted = post(ADMIN, REPLAY);

        assertThat(accepted.getStatusCode().value()).isEqualTo(202);
        assertThat(accepted.getHeaders().getLocation()).hasToString(PROJECTIONS);
        assertThat(names(accepted.getBody())).containsExactly(PROCESSOR);
        awaitReplayFinished();
        assertThat(snapshot(records)).isEqualTo(before);
        JsonNode status = projection(get(ADMIN, PROJECTIONS).getBody(), PROCESSOR);
        assertThat(status.path("generation").asLong()).as("%s", status).isGreaterThan(live);
        assertThat(status.has("rebuild")).as("%s", status).isFalse();
        // the generation read before is dropped, tables and all, once no read can still be reading it
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM pg_namespace WHERE nspname = ?", Integer.class, "read_models_" + live) == 0);
    }

    @Test
    void everyProjectionShowsItsPositionAgainstTheHeadOfTheEventStore() {
        appendOneOfEachRecord();
        awaitReplayFinished();

        ResponseEntity<JsonNode> answer = get(ADMIN, PROJECTIONS);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        Long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        assertThat(names(answer.getBody())).containsExactly(PROCESSOR);
        for (JsonNode projection : answer.getBody()) {
            assertThat(projection.path("headPosition").asLong()).as("%s", projection).isEqualTo(head);
            assertThat(projection.path("position").asLong()).as("%s", projection).isEqualTo(head);
            assertThat(projection.path("lag").asLong()).as("%s", projection).isZero();
            assertThat(projection.path("replaying").isBoolean()).as("%s", projection).isTrue();
            assertThat(projection.path("replaying").asBoolean()).as("%s", projection).isFalse();
            assertThat(projection.path("generation").asLong()).as("%s", projection).isPositive();
        }
    }

    @Test
    void everyProjectionRunsInTheOneProcessorWithADeadLetterQueueOfItsOwn() {
        for (String group : PROJECTION_GROUPS) {
            assertThat(processing.eventProcessorByProcessingGroup(group).map(EventProcessor::getName))
                    .as(group).contains(PROCESSOR);
            assertThat(processing.deadLetterQueue(group)).as(group).isPresent();
        }
    }

    @Test
    void aReplayAskedWhileARebuildRunsIsRefusedAndTheStatusShowsTheRebuild() {
        appendOneOfEachRecord();
        awaitReplayFinished();
        long live = projection(get(ADMIN, PROJECTIONS).getBody(), PROCESSOR).path("generation").asLong();
        // a rebuild under way, built by this very instance (so that nobody resumes it), without tables
        long next = live + 100;
        jdbc.update("INSERT INTO read_model_generation (generation, schema_name, schema_version, state, phase, builder,"
                + " position) VALUES (?, ?, 1, 'BUILDING', 'LOADING', ?, 3)", next, "read_models_" + next, self.name());
        try {
            JsonNode status = projection(get(ADMIN, PROJECTIONS).getBody(), PROCESSOR);
            assertThat(status.path("generation").asLong()).as("%s", status).isEqualTo(live);
            assertThat(status.path("replaying").asBoolean()).as("%s", status).isTrue();
            JsonNode rebuild = status.path("rebuild");
            assertThat(rebuild.path("generation").asLong()).as("%s", status).isEqualTo(next);
            assertThat(rebuild.path("position").asLong()).as("%s", status).isEqualTo(3);
            assertThat(rebuild.path("lag").asLong()).as("%s", status)
                    .isEqualTo(rebuild.path("headPosition").asLong() - 3);
            assertThat(rebuild.path("phase").asText()).as("%s", status).isEqualTo("LOADING");
            assertThat(rebuild.path("attempt").asInt()).as("%s", status).isEqualTo(1);

            ResponseEntity<JsonNode> refused = post(ADMIN, REPLAY);
            assertThat(refused.getStatusCode().value()).isEqualTo(409);
            assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
            assertThat(refused.getBody().path("type").asText()).endsWith("/replay-in-progress");
        } finally {
            jdbc.update("DELETE FROM read_model_generation WHERE generation = ?", next);
        }
        assertThat(post(ADMIN, REPLAY).getStatusCode().value()).isEqualTo(202);
        awaitReplayFinished();
    }

    @Test
    void onlyAdministratorsSeeOrReplayTheProjections() {
        assertThat(get(SALES, PROJECTIONS).getStatusCode().value()).isEqualTo(403);
        assertThat(get(AUDITOR, PROJECTIONS).getStatusCode().value()).isEqualTo(403);
        assertThat(post(SALES, REPLAY).getStatusCode().value()).isEqualTo(403);
        assertThat(post(AUDITOR, REPLAY).getStatusCode().value()).isEqualTo(403);
        assertThat(rest.postForEntity(REPLAY, null, JsonNode.class).getStatusCode().value()).isEqualTo(401);
    }

    /** A lead with notes (one with a file), an account, a contact and an opportunity with a transferred note. */
    private Records appendOneOfEachRecord() {
        String leadId = newId();
        String fileNoteId = newId();
        String plainNoteId = newId();
        String accountId = newId();
        String contactId = newId();
        String opportunityId = newId();
        String token = newId().substring(0, 8);
        append("Lead", leadId, new LeadCreated(leadId,
                SampleData.lead("Grace", "Hopper-" + token, "Cobol " + token, token + "@cobol.example"), "sam"));
        append("Lead", leadId, new QualificationDetailsUpdated(leadId, SampleData.qualificationDetails()));
        append("Lead", leadId, new NoteAdded(leadId, fileNoteId, "Offer", "Sent the offer",
                new Attachment("offer.txt", "text/plain", ("offer " + token).getBytes(StandardCharsets.UTF_8))));
        append("Lead", leadId, new NoteAdded(leadId, plainNoteId, "Call", "Agreed on a demo", null));
        append("Lead", leadId, new LeadStatusReasonChanged(leadId, StatusReason.CONTACTED));
        append("Account", accountId, new AccountCreated(accountId, new AccountDetails("Cobol " + token,
                token + "@cobol.example", "+31 10 123 4567", "https://cobol.example", SampleData.ADDRESS), leadId, "sam"));
        append("Contact", contactId, new ContactCreated(contactId, new ContactDetails("Grace", "Hopper-" + token,
                "Admiral", token + "@cobol.example", "+31 10 123 4567", null, SampleData.ADDRESS, accountId, null), leadId, "sam"));
        append("Opportunity", opportunityId, new OpportunityCreated(opportunityId, new OpportunityDetails(
                "Fleet renewal 2025", SampleData.qualificationDetails(), new Money(new BigDecimal("1234.50"), "EUR"),
                LocalDate.parse("2025-06-30"), "Wants 40 vans", "EUR", null, null), Customer.of(accountId, contactId), accountId,
                contactId, leadId, ProcessStage.DEVELOP, "sam"));
        append("Opportunity", opportunityId, new NoteTransferred(opportunityId, fileNoteId, leadId));
        append("Opportunity", opportunityId, new NoteTransferred(opportunityId, plainNoteId, leadId));
        Records records = new Records(token, leadId, fileNoteId, plainNoteId, accountId, contactId, opportunityId);
        eventually("/api/opportunities/" + opportunityId, json -> assertThat(json.path("notes")).hasSize(2));
        eventually("/api/leads/" + leadId, json -> assertThat(json.path("version").asLong()).isEqualTo(4));
        eventually("/api/accounts/" + accountId, json -> assertThat(json.path("accountId").asText()).isEqualTo(accountId));
        eventually("/api/contacts/" + contactId, json -> assertThat(json.path("contactId").asText()).isEqualTo(contactId));
        await().atMost(Duration.ofSeconds(20)).until(() -> attachment(fileNoteId).startsWith("200 "));
        return records;
    }

    private record Records(String token, String leadId, String fileNoteId, String plainNoteId, String accountId,
                           String contactId, String opportunityId) {
    }

    /** Every read-model answer about the records, as text (status and body). */
    private Map<String, String> snapshot(Records records) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String path : List.of("/api/leads/" + records.leadId, "/api/leads?q=" + records.token,
                "/api/accounts/" + records.accountId, "/api/accounts?q=" + records.token,
                "/api/contacts/" + records.contactId, "/api/contacts?q=" + records.token,
                "/api/opportunities/" + records.opportunityId)) {
            ResponseEntity<String> answer = rest.withBasicAuth(SALES, PASSWORD).getForEntity(path, String.class);
            answers.put(path, answer.getStatusCode().value() + " " + answer.getBody());
        }
        answers.put("attachment", attachment(records.fileNoteId));
        return answers;
    }

    private String attachment(String noteId) {
        ResponseEntity<byte[]> file = rest.withBasicAuth(SALES, PASSWORD).getForEntity("/api/attachments/" + noteId, byte[].class);
        return file.getStatusCode().value() + " " + file.getHeaders().getContentType() + " "
                + (file.getBody() == null ? "" : new String(file.getBody(), StandardCharsets.UTF_8));
    }

    /** The processor has read up to the head and no rebuild runs. */
    private void awaitReplayFinished() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode projections = get(ADMIN, PROJECTIONS).getBody();
            assertThat(names(projections)).containsExactly(PROCESSOR);
            for (JsonNode projection : projections) {
                assertThat(projection.path("lag").asLong()).as("%s", projection).isZero();
                assertThat(projection.path("replaying").asBoolean()).as("%s", projection).isFalse();
            }
        });
    }

    private void damage(String sql, String id) {
        assertThat(jdbc.update(sql, UUID.fromString(id))).as(sql).isPositive();
    }

    private ResponseEntity<JsonNode> post(String user, String path) {
        return rest.withBasicAuth(user, PASSWORD).postForEntity(path, null, JsonNode.class);
    }

    private static List<String> names(JsonNode projections) {
        List<String> names = new ArrayList<>();
        projections.forEach(projection -> names.add(projection.path("name").asText()));
        return names;
    }

    private static JsonNode projection(JsonNode projections, String name) {
        for (JsonNode projection : projections) {
            if (name.equals(projection.path("name").asText())) {
                return projection;
            }
        }
        throw new AssertionError("No projection " + name + " in " + projections);
    }
}
