package dev.leadqualification.query.revisions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leadqualification.kernel.lead.LeadCreated;
import dev.leadqualification.platform.upcasting.RevisionZeroNote;
import dev.leadqualification.query.QuerySideTest;
import dev.leadqualification.query.SampleData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A {@code NoteAdded} stored by the first release (revision 0: the attachment as {@code name}, {@code type},
 * {@code data}) is read through the platform's upcaster: the lead's notes, the attachment and the history show it
 * in today's shape.
 */
class NoteAddedOfAnOlderRevisionTest extends QuerySideTest {

    private static final byte[] FILE = "minutes of the first call".getBytes(StandardCharsets.UTF_8);

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void theQuerySideShowsTheAttachmentOfARevisionZeroNote() {
        String leadId = newId();
        String noteId = newId();
        append("Lead", leadId, new LeadCreated(leadId, SampleData.lead("Ada", "Byron", "Engines Ltd", "ada@engines.example"), "sam"));
        jdbc.update(RevisionZeroNote.INSERT,
                new RevisionZeroNote(leadId, 1, noteId, SALES, "minutes.txt", "text/plain", FILE).insertParameters());

        JsonNode lead = eventually("/api/leads/" + leadId, json -> assertThat(json.path("version").asLong()).isEqualTo(1));
        JsonNode note = lead.path("notes").get(0);
        assertThat(note.path("noteId").asText()).isEqualTo(noteId);
        assertThat(note.path("title").asText()).isEqualTo(RevisionZeroNote.TITLE);
        assertThat(note.path("attachment").path("fileName").asText()).isEqualTo("minutes.txt");
        assertThat(note.path("attachment").path("mimeType").asText()).isEqualTo("text/plain");
        assertThat(note.path("attachment").path("size").asInt()).isEqualTo(FILE.length);

        ResponseEntity<byte[]> file = await().atMost(Duration.ofSeconds(20)).until(() -> rest
                .withBasicAuth(SALES, PASSWORD).getForEntity("/api/attachments/" + noteId, byte[].class),
                answer -> answer.getStatusCode().value() == 200);
        assertThat(file.getBody()).isEqualTo(FILE);
        assertThat(file.getHeaders().getContentType()).hasToString("text/plain");

        JsonNode history = get(AUDITOR, "/api/leads/" + leadId + "/history").getBody();
        JsonNode attachment = history.get(1).path("data").path("attachment");
        assertThat(attachment.path("fileName").asText()).as("%s", history).isEqualTo("minutes.txt");
        assertThat(attachment.path("mimeType").asText()).as("%s", history).isEqualTo("text/plain");
        assertThat(attachment.has("name") || attachment.has("type") || attachment.has("data")).as("%s", history).isFalse();
    }
}
