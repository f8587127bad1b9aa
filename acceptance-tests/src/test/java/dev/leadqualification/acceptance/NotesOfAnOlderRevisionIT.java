package dev.leadqualification.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.acceptance.support.Api;
import dev.leadqualification.acceptance.support.Leads;
import dev.leadqualification.acceptance.support.Reply;
import dev.leadqualification.acceptance.support.Sales;
import dev.leadqualification.acceptance.support.SharedDatabase;
import dev.leadqualification.platform.upcasting.RevisionZeroNote;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static dev.leadqualification.acceptance.support.Json.object;
import static dev.leadqualification.acceptance.support.User.AUDREY;
import static dev.leadqualification.acceptance.support.User.SAM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events stored by an older release stay readable: a {@code NoteAdded} of revision 0, whose attachment was
 * {@code {"name", "type", "data"}}, is written straight into the event store (no API writes the old shape any
 * more). The lead's aggregate takes commands on top of it, the history shows it in today's shape, the read model
 * shows the note and its attachment, and qualifying the lead carries the old note to the opportunity.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotesOfAnOlderRevisionIT {

    private static final byte[] FILE = "Minutes of the first call, 2023".getBytes(StandardCharsets.UTF_8);

    private final Api api = Api.shared();
    private final Sales sales = new Sales(api);

    private String leadId;
    private final String noteId = UUID.randomUUID().toString();
    private long noteSequence;

    @BeforeAll
    void aLeadWithANoteStoredByTheFirstRelease() {
        leadId = sales.createLead(Leads.complete());
        noteSequence = api.awaitLead(leadId, lead -> true).path("version").asLong() + 1;
        SharedDatabase.update(RevisionZeroNote.INSERT, new RevisionZeroNote(leadId, noteSequence, noteId,
                SAM.username(), "minutes.txt", "text/plain", FILE).insertParameters());
    }

    @Test
    void theReadModelShowsTheNoteAndItsAttachment() {
        JsonNode lead = api.awaitLead(leadId, read -> read.path("version").asLong() >= noteSequence);

        JsonNode note = lead.path("notes").get(0);
        assertThat(note.path("noteId").asText()).as("%s", lead).isEqualTo(noteId);
        assertThat(note.path("title").asText()).isEqualTo(RevisionZeroNote.TITLE);
        assertThat(note.path("attachment").path("fileName").asText()).as("%s", note).isEqualTo("minutes.txt");
        assertThat(note.path("attachment").path("mimeType").asText()).as("%s", note).isEqualTo("text/plain");
        assertThat(note.path("attachment").path("size").asInt()).as("%s", note).isEqualTo(FILE.length);

        Reply file = api.awaitAnswer("/api/attachments/" + noteId, reply -> reply.status() == 200);
        assertThat(file.body()).isEqualTo(FILE);
        assertThat(file.contentType()).startsWith("text/plain");
    }

    @Test
    void theHistoryShowsTheNoteInTodaysShape() {
        Reply history = api.as(AUDREY).query("/api/leads/" + leadId + "/history");

        assertThat(history.status()).as("%s", history).isEqualTo(200);
        JsonNode noteAdded = null;
        for (JsonNode entry : history.json()) {
            if (entry.path("sequence").asLong() == noteSequence) {
                noteAdded = entry;
            }
        }
        assertThat(noteAdded).as("entry %s in %s", noteSequence, history).isNotNull();
        assertThat(noteAdded.path("type").asText()).isEqualTo("NoteAdded");
        assertThat(noteAdded.path("actor").asText()).isEqualTo(SAM.username());
        JsonNode attachment = noteAdded.path("data").path("attachment");
        assertThat(attachment.path("fileName").asText()).as("%s", noteAdded).isEqualTo("minutes.txt");
        assertThat(attachment.path("mimeType").asText()).as("%s", noteAdded).isEqualTo("text/plain");
        assertThat(attachment.has("name") || attachment.has("type") || attachment.has("data"))
                .as("old field names in %s", noteAdded).isFalse();
    }

    @Test
    void theLeadTakesCommandsAndCarriesTheOldNoteToTheOpportunity() {
        Reply patched = api.as(SAM).patch("/api/leads/" + leadId, object("description", "Worked since 2023."));
        assertThat(patched.status()).as("%s", patched).isEqualTo(204);

        JsonNode result = sales.qualify(leadId, Leads.allRecords());
        api.awaitLead(leadId, Leads.qualificationCompleted());

        JsonNode opportunity = api.awaitRecord("/api/opportunities/" + result.path("opportunityId").asText());
        JsonNode note = opportunity.path("notes").get(0);
        assertThat(note.path("noteId").asText()).as("%s", opportunity).isEqualTo(noteId);
        assertThat(note.path("fromLeadId").asText()).isEqualTo(leadId);
        assertThat(note.path("attachment").path("fileName").asText()).as("%s", note).isEqualTo("minutes.txt");
        assertThat(note.path("attachment").path("size").asInt()).as("%s", note).isEqualTo(FILE.length);
    }
}
