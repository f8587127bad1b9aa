package dev.leadqualification.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.kernel.account.AccountCreated;
import dev.leadqualification.kernel.account.AccountDetails;
import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.duplicates.DuplicateExperience;
import dev.leadqualification.kernel.duplicates.DuplicateMatch;
import dev.leadqualification.kernel.lead.Attachment;
import dev.leadqualification.kernel.lead.DuplicateDetected;
import dev.leadqualification.kernel.lead.LeadCreated;
import dev.leadqualification.kernel.lead.LeadQualificationCompleted;
import dev.leadqualification.kernel.lead.LeadQualified;
import dev.leadqualification.kernel.lead.NoteAdded;
import dev.leadqualification.platform.eventstore.MetadataKeys;
import dev.leadqualification.query.QuerySideTest;
import dev.leadqualification.query.SampleData;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LeadHistoryTest extends QuerySideTest {

    private static final Instant START = Instant.parse("2024-11-05T08:15:30.123Z");

    @Autowired
    private EventStore eventStore;

    @Test
    void listsEveryEventInOrderWithItsTimeActorCorrelationAndPayload() {
        String leadId = newId();
        String noteId = newId();
        String matchedAccount = newId();
        String qualificationId = newId();
        String accountId = newId();
        String qualifying = "qualify-" + newId();
        byte[] file = new byte[1500];
        file[0] = 42;
        publish(leadId, 0, new LeadCreated(leadId, SampleData.lead("Ada", "Lovelace", "Engines", "ada@engines.example"), "sam"),
                "sally", "create-1");
        publish(leadId, 1, new NoteAdded(leadId, noteId, "Call", "Wants a demo",
                new Attachment("notes.bin", "application/octet-stream", file)), "bob", "note-2");
        publish(leadId, 2, new DuplicateDetected(leadId, DuplicateExperience.MAY_ALREADY_EXIST,
                List.of(new DuplicateMatch(matchedAccount, "Engines", "info@engines.example", null, "London",
                        START, List.of("Accounts with the same account name"))), List.of()), "sally", "dup-3");
        publish(leadId, 3, new LeadQualified(leadId, qualificationId, accountId, null, null, null, null, null,
                null, null, List.of(), List.of(noteId), null, ProcessStage.QUALIFY, "sam"), "sally", qualifying);
        publish(leadId, 4, new LeadQualificationCompleted(leadId, qualificationId), "sally", qualifying);

        ResponseEntity<JsonNode> answer = get(AUDITOR, "/api/leads/" + leadId + "/history");

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode history = answer.getBody();
        assertThat(history.findValuesAsText("type")).containsExactly("LeadCreated", "NoteAdded", "DuplicateDetected",
                "LeadQualified", "LeadQualificationCompleted");
        assertThat(history.findValuesAsText("sequence")).containsExactly("0", "1", "2", "3", "4");
        assertThat(history.findValuesAsText("actor")).containsExactly("sally", "bob", "sally", "sally", "sally");
        assertThat(history.findValuesAsText("correlationId"))
                .containsExactly("create-1", "note-2", "dup-3", qualifying, qualifying);
        for (int i = 0; i < history.size(); i++) {
            assertThat(Instant.parse(history.get(i).path("occurredAt").asText())).isEqualTo(START.plusSeconds(i));
        }

        assertThat(history.get(0).path("data").path("leadId").asText()).isEqualTo(leadId);
        assertThat(history.get(0).path("data").path("details").path("lastName").asText()).isEqualTo("Lovelace");
        JsonNode attachment = history.get(1).path("data").path("attachment");
        assertThat(attachment.path("fileName").asText()).isEqualTo("notes.bin");
        assertThat(attachment.path("mimeType").asText()).isEqualTo("application/octet-stream");
        assertThat(attachment.path("contentSize").asInt()).isEqualTo(1500);
        assertThat(attachment.has("content")).isFalse();
        assertThat(answer.getBody().toString()).doesNotContain(Base64.getEncoder().encodeToString(file).substring(0, 40));
        JsonNode match = history.get(2).path("data").path("matchedAccounts").get(0);
        assertThat(match.path("id").asText()).isEqualTo(matchedAccount);
        assertThat(match.path("matchedRules").get(0).asText()).isEqualTo("Accounts with the same account name");
        assertThat(history.get(2).path("data").path("experience").asText()).isEqualTo("MAY_ALREADY_EXIST");
        assertThat(history.get(3).path("data").path("accountId").asText()).isEqualTo(accountId);
        assertThat(history.get(3).path("data").path("processStage").asText()).isEqualTo("QUALIFY");
        assertThat(history.get(4).path("data").path("qualificationId").asText()).isEqualTo(qualificationId);
    }

    @Test
    void isForAuditorsAndAdmins() {
        String leadId = newId();
        publish(leadId, 0, new LeadCreated(leadId, SampleData.lead("Grace", "Hopper", "Navy", "grace@navy.example"), "sam"),
                "sally", newId());

        assertThat(get(ADMIN, "/api/leads/" + leadId + "/history").getBody().findValuesAsText("type"))
                .containsExactly("LeadCreated");
        ResponseEntity<JsonNode> sales = get(SALES, "/api/leads/" + leadId + "/history");
        assertThat(sales.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(sales.getBody().path("type").asText()).endsWith("/forbidden");
    }

    @Test
    void idsInUpperCaseNameTheSameLead() {
        String leadId = newId();
        publish(leadId, 0, new LeadCreated(leadId, SampleData.lead("Alan", "Turing", "Bletchley", "alan@b.example"), "sam"),
                "sally", newId());

        assertThat(get(AUDITOR, "/api/leads/" + leadId.toUpperCase() + "/history").getBody()
                .findValuesAsText("type")).containsExactly("LeadCreated");
    }

    @Test
    void anUnknownLeadOrAnotherKindOfRecordIsNotFound() {
        String accountId = newId();
        eventStore.publish(new GenericDomainEventMessage<>("Account", accountId, 0,
                new AccountCreated(accountId, new AccountDetails("Fabrikam", null, null, null, null), null, "sam")));

        for (String id : new String[]{newId(), "not-a-uuid", accountId}) {
            ResponseEntity<JsonNode> answer = get(AUDITOR, "/api/leads/" + id + "/history");
            assertThat(answer.getStatusCode()).as(id).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getBody().path("type").asText()).endsWith("/not-found");
        }
    }

    /** Stores a lead event with its own actor, correlation id and time (one second after the previous one). */
    private void publish(String leadId, long sequence, Object payload, String actor, String correlationId) {
        eventStore.publish(new GenericDomainEventMessage<>("Lead", leadId, sequence, payload,
                Map.of(MetadataKeys.ACTOR, actor, MetadataKeys.CORRELATION_ID, correlationId), newId(),
                START.plusSeconds(sequence)));
    }
}
