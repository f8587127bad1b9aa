package dev.leadqualification.query.lead;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.kernel.common.ProcessStage;
import dev.leadqualification.kernel.common.RecordType;
import dev.leadqualification.kernel.lead.Attachment;
import dev.leadqualification.kernel.lead.DisqualificationReason;
import dev.leadqualification.kernel.lead.LeadCreated;
import dev.leadqualification.kernel.lead.LeadDetails;
import dev.leadqualification.kernel.lead.LeadDisqualified;
import dev.leadqualification.kernel.lead.LeadQualificationCompleted;
import dev.leadqualification.kernel.lead.LeadQualificationFailed;
import dev.leadqualification.kernel.lead.LeadQualified;
import dev.leadqualification.kernel.lead.LeadReactivated;
import dev.leadqualification.kernel.lead.LeadStatusReasonChanged;
import dev.leadqualification.kernel.lead.LeadUpdated;
import dev.leadqualification.kernel.lead.NoteAdded;
import dev.leadqualification.kernel.lead.DuplicateDetected;
import dev.leadqualification.kernel.duplicates.DuplicateExperience;
import dev.leadqualification.kernel.lead.QualificationDetailsUpdated;
import dev.leadqualification.kernel.lead.SkippedRecord;
import dev.leadqualification.kernel.lead.StatusReason;
import dev.leadqualification.query.QuerySideTest;
import dev.leadqualification.query.SampleData;
import dev.leadqualification.query.attachment.AttachmentProjection;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LeadQueryTest extends QuerySideTest {

    private static final String LEAD = "Lead";

    @Autowired
    private LeadProjection leadProjection;
    @Autowired
    private AttachmentProjection attachmentProjection;

    @Test
    void showsEveryLeadAndQualificationFieldWithStatusAndAudit() {
        String leadId = newId();
        LeadDetails details = SampleData.lead("Ada", "Lovelace", "Analytical Engines", "ada@engines.example");
        append(LEAD, leadId, new LeadCreated(leadId, details, "sam"));
        append(LEAD, leadId, new QualificationDetailsUpdated(leadId, SampleData.qualificationDetails()));
        append(LEAD, leadId, new LeadUpdated(leadId, withEmail(details, "ada@lovelace.example"), Set.of("email")));
        append(LEAD, leadId, new LeadStatusReasonChanged(leadId, StatusReason.CONTACTED));

        JsonNode lead = eventually("/api/leads/" + leadId, json -> assertThat(json.path("version").asLong()).isEqualTo(3));

        assertThat(lead.path("leadId").asText()).isEqualTo(leadId);
        assertThat(lead.path("topic").asText()).isEqualTo("Fleet renewal 2025");
        assertThat(lead.path("firstName").asText()).isEqualTo("Ada");
        assertThat(lead.path("lastName").asText()).isEqualTo("Lovelace");
        assertThat(lead.path("fullName").asText()).isEqualTo("Ada Lovelace");
        assertThat(lead.path("jobTitle").asText()).isEqualTo("Head of Logistics");
        assertThat(lead.path("companyName").asText()).isEqualTo("Analytical Engines");
        assertThat(lead.path("email").asText()).isEqualTo("ada@lovelace.example");
        assertThat(lead.path("businessPhone").asText()).isEqualTo("+31 10 123 4567");
        assertThat(lead.path("mobilePhone").asText()).isEqualTo("+31 6 1234 5678");
        assertThat(lead.path("website").asText()).isEqualTo("https://example.com");
        assertThat(lead.path("address").path("city").asText()).isEqualTo("Rotterdam");
        assertThat(lead.path("description").asText()).isEqualTo("Wants 40 vans");
        assertThat(lead.path("leadSource").asText()).isEqualTo("TRADE_SHOW");
        assertThat(lead.path("estimatedValue").path("amount").decimalValue()).isEqualByComparingTo("1234.50");
        assertThat(lead.path("estimatedValue").path("currency").asText()).isEqualTo("EUR");
        assertThat(lead.path("estimatedCloseDate").asText()).isEqualTo("2025-06-30");
        assertThat(lead.has("existingAccountId")).isTrue();
        assertThat(lead.path("existingAccountId").isNull()).isTrue();

        assertThat(lead.path("purchaseTimeframe").asText()).isEqualTo("THIS_QUARTER");
        assertThat(lead.path("budgetAmount").path("amount").decimalValue()).isEqualByComparingTo("50000");
        assertThat(lead.path("budgetStatus").asText()).isEqualTo("CAN_BUY");
        assertThat(lead.path("purchaseProcess").asText()).isEqualTo("COMMITTEE");
        assertThat(lead.path("decisionMaker").asBoolean()).isTrue();
        assertThat(lead.path("need").asText()).isEqualTo("MUST_HAVE");
        assertThat(lead.path("qualificationComments").asText()).isEqualTo("Strong fit");

        assertThat(lead.path("status").asText()).isEqualTo("OPEN");
        assertThat(lead.path("statusReason").asText()).isEqualTo("CONTACTED");
        assertThat(lead.path("processStage").asText()).isEqualTo("QUALIFY");
        assertThat(lead.path("notes").isArray()).isTrue();
        assertThat(lead.path("notes")).isEmpty();
        assertThat(lead.path("qualification").isNull()).isTrue();
        assertThat(lead.path("disqualification").isNull()).isTrue();
        assertThat(lead.path("createdBy").asText()).isEqualTo(SALES);
        assertThat(lead.path("modifiedBy").asText()).isEqualTo(SALES);
        assertThat(Instant.parse(lead.path("modifiedAt").asText()))
                .isAfter(Instant.parse(lead.path("createdAt").asText()));
    }

    @Test
    void qualificationIsShownUntilCompletedAndKeptAfterReactivation() {
        String leadId = createLead("Grace", "Hopper", "Compilers Inc", "grace@compilers.example");
        String qualificationId = newId();
        String accountId = newId();
        String opportunityId = newId();
        String existingContactId = newId();
        append(LEAD, leadId, qualified(leadId, qualificationId, accountId, opportunityId, existingContactId));

        JsonNode qualified = eventually("/api/leads/" + leadId,
                json -> assertThat(json.path("status").asText()).isEqualTo("QUALIFIED"));
        assertThat(qualified.path("statusReason").asText()).isEqualTo("QUALIFIED");
        assertThat(qualified.path("processStage").asText()).isEqualTo("DEVELOP");
        JsonNode qualification = qualified.path("qualification");
        assertThat(qualification.path("qualificationId").asText()).isEqualTo(qualificationId);
        assertThat(qualification.path("qualifiedBy").asText()).isEqualTo(SALES);
        assertThat(qualification.path("qualifiedAt").asText()).isNotBlank();
        assertThat(qualification.path("accountId").asText()).isEqualTo(accountId);
        assertThat(qualification.path("contactId").isNull()).isTrue();
        assertThat(qualification.path("opportunityId").asText()).isEqualTo(opportunityId);
        assertThat(qualification.path("linkedContactId").asText()).isEqualTo(existingContactId);
        assertThat(qualification.path("skipped").get(0).path("record").asText()).isEqualTo("CONTACT");
        assertThat(qualification.path("skipped").get(0).path("reason").asText()).isEqualTo("EXISTING_RECORD_LINKED");
        assertThat(qualification.path("completed").asBoolean()).isFalse();
        assertThat(qualification.path("failed").asBoolean()).isFalse();

        append(LEAD, leadId, new LeadQualificationCompleted(leadId, qualificationId));
        JsonNode completed = eventually("/api/leads/" + leadId,
                json -> assertThat(json.path("qualification").path("completed").asBoolean()).isTrue());
        assertThat(completed.path("qualification").path("completedAt").asText()).isNotBlank();

        append(LEAD, leadId, new LeadReactivated(leadId));
        JsonNode reactivated = eventually("/api/leads/" + leadId,
                json -> assertThat(json.path("status").asText()).isEqualTo("OPEN"));
        assertThat(reactivated.path("statusReason").asText()).isEqualTo("NEW");
        assertThat(reactivated.path("processStage").asText()).isEqualTo("QUALIFY");
        assertThat(reactivated.path("qualification")).isEqualTo(completed.path("qualification"));
    }

    @Test
    void failedQualificationLeavesTheLeadQualified() {
        String leadId = createLead("Alan", "Turing", "Bletchley Ltd", "alan@bletchley.example");
        String qualificationId = newId();
        append(LEAD, leadId, qualified(leadId, qualificationId, newId(), newId(), null));
        append(LEAD, leadId, new LeadQualificationFailed(leadId, qualificationId, "The account could not be created"));

        JsonNode lead = eventually("/api/leads/" + leadId,
                json -> assertThat(json.path("qualification").path("failed").asBoolean()).isTrue());
        assertThat(lead.path("qualification").path("failureReason").asText()).isEqualTo("The account could not be created");
        assertThat(lead.path("qualification").path("completed").asBoolean()).isFalse();
        assertThat(lead.path("status").asText()).isEqualTo("QUALIFIED");
    }

    @Test
    void aDuplicateWarningLeavesTheLeadOpenButMovesItsVersion() {
        String leadId = createLead("Grace", "Hopper", "Cobol Inc", "grace@cobol.example");
        append(LEAD, leadId, new DuplicateDetected(leadId, DuplicateExperience.MAY_ALREADY_EXIST, List.of(), List.of()));

        JsonNode lead = eventually("/api/leads/" + leadId,
                json -> assertThat(json.path("version").asLong()).isEqualTo(1));
        assertThat(lead.path("status").asText()).isEqualTo("OPEN");
        assertThat(lead.path("qualification").isNull()).isTrue();
    }

    @Test
    void disqualificationIsShownUntilReactivated() {
        String leadId = createLead("Edsger", "Dijkstra", "Shortest Paths BV", "edsger@paths.example");
        append(LEAD, leadId, new LeadDisqualified(leadId, DisqualificationReason.CANNOT_CONTACT, "No answer in 3 weeks"));

        JsonNode disqualified = eventually("/api/leads/" + leadId,
                json -> assertThat(json.path("status").asText()).isEqualTo("DISQUALIFIED"));
        assertThat(disqualified.path("statusReason").asText()).isEqualTo("CANNOT_CONTACT");
        assertThat(disqualified.path("disqualification").path("reason").asText()).isEqualTo("CANNOT_CONTACT");
        assertThat(disqualified.path("disqualification").path("description").asText()).isEqualTo("No answer in 3 weeks");
        assertThat(disqualified.path("disqualification").path("disqualifiedAt").asText())
                .isEqualTo(disqualified.path("modifiedAt").asText());

        append(LEAD, leadId, new LeadReactivated(leadId));
        JsonNode reactivated = eventually("/api/leads/" + leadId,
                json -> assertThat(json.path("status").asText()).isEqualTo("OPEN"));
        assertThat(reactivated.path("statusReason").asText()).isEqualTo("NEW");
        assertThat(reactivated.path("disqualification").isNull()).isTrue();
        assertThat(reactivated.path("qualification").isNull()).isTrue();
    }

    @Test
    void notesAreListedInOrderAndTheirAttachmentsServedWithTheirContentType() {
        String leadId = createLead("Barbara", "Liskov", "Substitution SA", "barbara@subst.example");
        String firstNote = newId();
        String secondNote = newId();
        byte[] content = "Minutes of the first call".getBytes();
        append(LEAD, leadId, new NoteAdded(leadId, firstNote, "First call", "Interested",
                new Attachment("call notes.txt", "text/plain", content)));
        append(LEAD, leadId, new NoteAdded(leadId, secondNote, "Follow-up", "Sent brochure", null));

        JsonNode lead = eventually("/api/leads/" + leadId, json -> assertThat(json.path("notes")).hasSize(2));
        JsonNode first = lead.path("notes").get(0);
        assertThat(first.path("noteId").asText()).isEqualTo(firstNote);
        assertThat(first.path("title").asText()).isEqualTo("First call");
        assertThat(first.path("text").asText()).isEqualTo("Interested");
        assertThat(first.path("createdBy").asText()).isEqualTo(SALES);
        assertThat(first.path("createdAt").asText()).isNotBlank();
        assertThat(first.path("attachment").path("fileName").asText()).isEqualTo("call notes.txt");
        assertThat(first.path("attachment").path("mimeType").asText()).isEqualTo("text/plain");
        assertThat(first.path("attachment").path("size").asInt()).isEqualTo(content.length);
        assertThat(lead.path("notes").get(1).path("noteId").asText()).isEqualTo(secondNote);
        assertThat(lead.path("notes").get(1).path("attachment").isNull()).isTrue();

        ResponseEntity<byte[]> file = eventuallyAttachment(firstNote);
        assertThat(file.getBody()).isEqualTo(content);
        assertThat(file.getHeaders().getContentType()).hasToString("text/plain");
        assertThat(file.getHeaders().getContentDisposition().getFilename()).isEqualTo("call notes.txt");
        assertThat(file.getHeaders().getContentDisposition().isAttachment()).isTrue();

        assertNotFound("/api/attachments/" + secondNote);
        assertNotFound("/api/attachments/" + newId());
    }

    @Test
    void redeliveredEventsChangeNothing() {
        String leadId = newId();
        LeadDetails details = SampleData.lead("Donald", "Knuth", "TeX Users", "don@tex.example");
        DomainEventMessage<?> created = append(LEAD, leadId, new LeadCreated(leadId, details, "sam"));
        DomainEventMessage<?> noted = append(LEAD, leadId, new NoteAdded(leadId, newId(), "Call", "Likes typography",
                new Attachment("quote.pdf", "application/pdf", new byte[]{1, 2, 3})));
        DomainEventMessage<?> updated = append(LEAD, leadId, new LeadUpdated(leadId, withEmail(details, "knuth@tex.example"), Set.of("email")));
        JsonNode before = eventually("/api/leads/" + leadId, json -> assertThat(json.path("version").asLong()).isEqualTo(2));

        // delivered again, twice, in order, as a streaming processor does after a crash before storing its token
        for (int delivery = 0; delivery < 2; delivery++) {
            leadProjection.on((LeadCreated) created.getPayload(), created.getSequenceNumber(), created.getTimestamp(), SALES);
            leadProjection.on((NoteAdded) noted.getPayload(), noted.getSequenceNumber(), noted.getTimestamp(), SALES);
            attachmentProjection.on((NoteAdded) noted.getPayload());
            leadProjection.on((LeadUpdated) updated.getPayload(), updated.getSequenceNumber(), updated.getTimestamp(), SALES);
        }

        JsonNode after = get(SALES, "/api/leads/" + leadId).getBody();
        assertThat(after).isEqualTo(before);
        assertThat(after.path("notes")).hasSize(1);
        assertThat(after.path("email").asText()).isEqualTo("knuth@tex.example");
    }

    @Test
    void listsNewestFirstByPageAndFiltersByStatusAndSearchTerm() {
        String company = "Quux" + newId().substring(0, 8);
        String oldest = createLead("Ken", "Thompson", company + " Labs", "ken@unix.example");
        String middle = createLead("Dennis", "Ritchie", "Bell", "dennis@" + company.toLowerCase() + ".example");
        String newest = createLead("Brian", "Kernighan", company, "brian@awk.example");
        append(LEAD, middle, qualified(middle, newId(), newId(), null, null));

        JsonNode first = eventually("/api/leads?q=" + company.toUpperCase() + "&size=2",
                json -> assertThat(json.path("total").asLong()).isEqualTo(3));
        assertThat(ids(first)).containsExactly(newest, middle);
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(first.path("items").get(0).has("notes")).isFalse();
        assertThat(first.path("items").get(0).path("fullName").asText()).isEqualTo("Brian Kernighan");

        JsonNode second = get(SALES, "/api/leads?q=" + company + "&size=2&page=1").getBody();
        assertThat(ids(second)).containsExactly(oldest);
        assertThat(second.path("total").asLong()).isEqualTo(3);

        JsonNode qualified = eventually("/api/leads?status=QUALIFIED&q=" + company,
                json -> assertThat(ids(json)).containsExactly(middle));
        assertThat(qualified.path("total").asLong()).isEqualTo(1);
        assertThat(ids(get(SALES, "/api/leads?q=thompson " + company + " labs").getBody())).containsExactly(oldest);
        String wildcard = "_" + company.substring(1);
        assertThat(get(SALES, "/api/leads?q=" + wildcard).getBody().path("total").asLong())
                .as("LIKE wildcards in q are taken literally").isZero();
    }

    @Test
    void rejectsInvalidListParametersNamingThem() {
        assertInvalidParameter("/api/leads?page=-1", "page");
        assertInvalidParameter("/api/leads?page=first", "page");
        assertInvalidParameter("/api/leads?size=0", "size");
        assertInvalidParameter("/api/leads?size=201", "size");
        assertInvalidParameter("/api/leads?status=WON", "status");
        assertThat(get(SALES, "/api/leads?size=200").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void unknownOrMalformedLeadIdsAreNotFound() {
        assertNotFound("/api/leads/" + newId());
        assertNotFound("/api/leads/not-a-uuid");
        assertNotFound("/api/leads/1-2-3-4-5");
    }

    private String createLead(String firstName, String lastName, String company, String email) {
        String leadId = newId();
        append(LEAD, leadId, new LeadCreated(leadId, SampleData.lead(firstName, lastName, company, email), "sam"));
        return leadId;
    }

    private static LeadQualified qualified(String leadId, String qualificationId, String accountId,
                                           String opportunityId, String linkedContactId) {
        List<SkippedRecord> skipped = linkedContactId == null ? List.of()
                : List.of(new SkippedRecord(RecordType.CONTACT, SkippedRecord.Reason.EXISTING_RECORD_LINKED));
        return new LeadQualified(leadId, qualificationId, accountId, null, null, null, opportunityId, null,
                null, linkedContactId, skipped, List.of(), null,
                opportunityId == null ? ProcessStage.QUALIFY : ProcessStage.DEVELOP, "sam");
    }

    private static LeadDetails withEmail(LeadDetails d, String email) {
        return new LeadDetails(d.topic(), d.firstName(), d.lastName(), d.jobTitle(), d.companyName(), email,
                d.businessPhone(), d.mobilePhone(), d.website(), d.address(), d.description(), d.leadSource(), d.campaign(),
                d.estimatedValue(), d.estimatedCloseDate(), d.existingAccountId(), d.existingContactId());
    }

    private static List<String> ids(JsonNode page) {
        return page.path("items").findValuesAsText("leadId");
    }

    private ResponseEntity<byte[]> eventuallyAttachment(String noteId) {
        return await().until(
                () -> rest.withBasicAuth(SALES, PASSWORD).getForEntity("/api/attachments/" + noteId, byte[].class),
                answer -> answer.getStatusCode().is2xxSuccessful());
    }

    private void assertNotFound(String path) {
        ResponseEntity<JsonNode> answer = get(SALES, path);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody().path("type").asText()).endsWith("/not-found");
    }

    private void assertInvalidParameter(String path, String parameter) {
        ResponseEntity<JsonNode> answer = get(SALES, path);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().path("type").asText()).endsWith("/validation");
        assertThat(answer.getBody().path("errors").findValuesAsText("field")).containsExactly(parameter);
    }
}
