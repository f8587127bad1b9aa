package dev.leadqualification.command.eventstore;

import dev.leadqualification.command.CommandSideTest;
import dev.leadqualification.command.support.LeadDetailsBuilder;
import dev.leadqualification.kernel.lead.AddNote;
import dev.leadqualification.kernel.lead.CreateLead;
import dev.leadqualification.kernel.lead.NoteAdded;
import dev.leadqualification.platform.upcasting.RevisionZeroNote;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side reads events of an older revision through the platform's upcasters: a {@code NoteAdded} of
 * revision 0 (attachment as {@code name}, {@code type}, {@code data}) loads into the lead aggregate and reads back
 * from the event store in today's shape.
 */
class OlderEventRevisionsTest extends CommandSideTest {

    private static final byte[] FILE = "minutes of the first call".getBytes(StandardCharsets.UTF_8);

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private CommandGateway commands;

    @Test
    void aRevisionZeroNoteIsReadInTodaysShapeAndTheLeadTakesCommands() {
        String leadId = UUID.randomUUID().toString();
        String oldNoteId = UUID.randomUUID().toString();
        commands.sendAndWait(new CreateLead(leadId, LeadDetailsBuilder.full().build(), "sam"));
        jdbc.update(RevisionZeroNote.INSERT,
                new RevisionZeroNote(leadId, 1, oldNoteId, "sam", "minutes.txt", "text/plain", FILE).insertParameters());

        NoteAdded old = (NoteAdded) events(leadId).get(1).getPayload();
        assertThat(old.noteId()).isEqualTo(oldNoteId);
        assertThat(old.attachment().fileName()).isEqualTo("minutes.txt");
        assertThat(old.attachment().mimeType()).isEqualTo("text/plain");
        assertThat(old.attachment().content()).isEqualTo(FILE);

        // the aggregate is loaded from both events, the old note among them
        String newNoteId = UUID.randomUUID().toString();
        commands.sendAndWait(new AddNote(leadId, newNoteId, "Follow-up", "Sent the brochure", null));
        assertThat(events(leadId)).extracting(DomainEventMessage::getPayload)
                .anySatisfy(payload -> assertThat(payload).isInstanceOfSatisfying(NoteAdded.class,
                        note -> assertThat(note.noteId()).isEqualTo(newNoteId)));
        assertThat(jdbc.queryForList("SELECT payload_revision FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type = ? ORDER BY sequence_number", String.class, leadId, NoteAdded.class.getName()))
                .as("the old event is stored as it was; the new one with the current revision")
                .containsExactly("0", "1");
    }

    private List<? extends DomainEventMessage<?>> events(String leadId) {
        return eventStore.readEvents(leadId).asStream().toList();
    }
}
