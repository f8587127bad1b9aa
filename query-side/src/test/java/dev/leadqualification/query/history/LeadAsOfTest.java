package dev.leadqualification.query.history;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.lead.LeadCreated;
import dev.leadqualification.kernel.lead.LeadQualificationCompleted;
import dev.leadqualification.kernel.lead.LeadQualified;
import dev.leadqualification.kernel.lead.LeadStatusReasonChanged;
import dev.leadqualification.kernel.lead.NoteAdded;
import dev.leadqualification.kernel.lead.QualificationDetailsUpdated;
import dev.leadqualification.kernel.lead.StatusReason;
import dev.leadqualification.query.QuerySideTest;
import dev.leadqualification.query.SampleData;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LeadAsOfTest extends QuerySideTest {

    private static final String LEAD = "Lead";

    @Test
    void rebuildsTheLeadAsItStoodAtEachInstantAndLeavesTheReadModelAsItIs() {
        String leadId = newId();
        String noteId = newId();
        String qualificationId = newId();
        String opportunityId = newId();
        Instant created = append(LEAD, leadId, new LeadCreated(leadId,
                SampleData.lead("Ada", "Lovelace", "Engines", "ada@engines.example"), "sam")).getTimestamp();
        append(LEAD, leadId, new QualificationDetailsUpdated(leadId, SampleData.qualificationDetails()));
        append(LEAD, leadId, new LeadStatusReasonChanged(leadId, StatusReason.CONTACTED));
        Instant noted = append(LEAD, leadId, new NoteAdded(leadId, noteId, "Call", "Wants a demo", null)).getTimestamp();
        Instant qualified = append(LEAD, leadId, new LeadQualified(leadId, qualificationId, null, null, null, null,
                opportunityId, null, null, null, List.of(), List.of(noteId), null, ProcessStage.DEVELOP, "sam")).getTimestamp();
        append(LEAD, leadId, new LeadQualificationCompleted(leadId, qualificationId));
        JsonNode current = eventually("/api/leads/" + leadId, json -> assertThat(json.path("version").asLong()).isEqualTo(5));

        assertThat(ok(asOf(leadId, Instant.parse("2999-01-01T00:00:00Z"))))
                .as("now: the current state, exactly as the read model shows it").isEqualTo(current);
        assertNotFound(asOf(leadId, created.minusMillis(1)));

        JsonNode justCreated = ok(asOf(leadId, created));
        assertThat(justCreated.path("version").asLong()).isZero();
        assertThat(justCreated.path("status").asText()).isEqualTo("OPEN");
        assertThat(justCreated.path("statusReason").asText()).isEqualTo("NEW");
        assertThat(justCreated.path("lastName").asText()).isEqualTo("Lovelace");
        assertThat(justCreated.path("purchaseTimeframe").isNull()).isTrue();
        assertThat(justCreated.path("notes")).isEmpty();
        assertThat(justCreated.path("modifiedAt").asText()).isEqualTo(justCreated.path("createdAt").asText());

        JsonNode worked = ok(asOf(leadId, noted.plusMillis(500)));
        assertThat(worked.path("version").asLong()).isEqualTo(3);
        assertThat(worked.path("status").asText()).isEqualTo("OPEN");
        assertThat(worked.path("statusReason").asText()).isEqualTo("CONTACTED");
        assertThat(worked.path("purchaseTimeframe").asText()).isEqualTo("THIS_QUARTER");
        assertThat(worked.path("notes").findValuesAsText("noteId")).containsExactly(noteId);
        assertThat(worked.path("qualification").isNull()).isTrue();

        JsonNode justQualified = ok(asOf(leadId, qualified));
        assertThat(justQualified.path("version").asLong()).isEqualTo(4);
        assertThat(justQualified.path("status").asText()).isEqualTo("QUALIFIED");
        assertThat(justQualified.path("processStage").asText()).isEqualTo("DEVELOP");
        assertThat(justQualified.path("qualification").path("opportunityId").asText()).isEqualTo(opportunityId);
        assertThat(justQualified.path("qualification").path("completed").asBoolean()).isFalse();
        String withOffset = OffsetDateTime.ofInstant(qualified, ZoneOffset.ofHours(2)).toString();
        assertThat(ok(rest.withBasicAuth(SALES, PASSWORD).getForEntity(URI.create("/api/leads/" + leadId + "?asOf="
                + withOffset.replace("+", "%2B")), JsonNode.class))).isEqualTo(justQualified);
        assertThat(ok(get(SALES, "/api/leads/" + leadId + "?asOf=" + withOffset)))
                .as("an unencoded + arrives as a space").isEqualTo(justQualified);

        assertThat(get(SALES, "/api/leads/" + leadId).getBody())
                .as("the read model after the past reads").isEqualTo(current);
    }

    @Test
    void anUnknownLeadIsNotFound() {
        assertNotFound(asOf(newId(), Instant.parse("2999-01-01T00:00:00Z")));
        assertNotFound(get(SALES, "/api/leads/not-a-lead?asOf=2025-01-01T00:00:00Z"));
    }

    @Test
    void anInstantThatIsNotIsoIsRejectedNamingAsOf() {
        String leadId = newId();
        append(LEAD, leadId, new LeadCreated(leadId, SampleData.lead("Alan", "Turing", "Bletchley", "alan@b.example"), "sam"));

        for (String instant : new String[]{"yesterday", "2025-03-01", "2025-03-01T09:00:00", ""}) {
            assertInvalid(get(SALES, "/api/leads/" + leadId + "?asOf=" + instant), "asOf");
        }
        assertInvalid(get(SALES, "/api/leads/" + leadId + "?asOf=2025-03-01T09:00:00Z&minVersion=0"), "minVersion");
    }

    private ResponseEntity<JsonNode> asOf(String leadId, Instant instant) {
        return get(SALES, "/api/leads/" + leadId + "?asOf=" + instant);
    }

    private static JsonNode ok(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static void assertNotFound(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getBody().path("type").asText()).endsWith("/not-found");
    }

    private static void assertInvalid(ResponseEntity<JsonNode> answer, String parameter) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("type").asText()).endsWith("/validation");
        assertThat(answer.getBody().path("errors").findValuesAsText("field")).containsExactly(parameter);
    }
}
