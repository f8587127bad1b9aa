package dev.leadqualification.command.eventstore;

import dev.leadqualification.command.CommandSideTest;
import dev.leadqualification.command.support.LeadDetailsBuilder;
import dev.leadqualification.kernel.lead.AddNote;
import dev.leadqualification.kernel.lead.CreateLead;
import dev.leadqualification.kernel.lead.NoteAdded;
import dev.leadqualification.platform.upcasting.RevisionZeroNote;
import dev.leadqualification.kernel.account.AccountAssigned;
import dev.leadqualification.kernel.account.AssignAccount;
import dev.leadqualification.kernel.common.Forbidden;
import dev.leadqualification.kernel.lead.AssignLead;
import dev.leadqualification.kernel.lead.LeadAssigned;
import dev.leadqualification.kernel.lead.LeadCreated;
import dev.leadqualification.kernel.opportunity.AssignOpportunity;
import dev.leadqualification.kernel.opportunity.OpportunityAssigned;
import dev.leadqualification.platform.eventstore.MetadataKeys;
import dev.leadqualification.platform.upcasting.StoredBeforeOwners;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command side reads events of an older revision through the platform's upcasters: a {@code NoteAdded} of
 * revision 0 (attachment as {@code name}, {@code type}, {@code data}) loads into the lead aggregate and reads back
 * from the event store in today's shape; records stored before owners existed load with their creator as owner.
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

    @Test
    void recordsStoredBeforeOwnersBelongToTheUserWhoCreatedThemAndTakeCommandsOnlyFromThemOrAnAdmin() {
        StoredBeforeOwners stored = StoredBeforeOwners.withNewIds();
        stored.events().forEach(event -> jdbc.update(StoredBeforeOwners.INSERT, event.insertParameters()));

        // the lead was created by sam, the account by ann, who qualified the lead: each is its record's owner
        assertThatThrownBy(() -> send(new AssignLead(stored.leadId(), "ann"), "ann", "SALES"))
                .isInstanceOfSatisfying(Forbidden.class, refused -> assertThat(refused.rule()).isEqualTo("not-owner"));
        send(new AssignLead(stored.leadId(), "ann"), StoredBeforeOwners.CREATOR, "SALES");
        assertThatThrownBy(() -> send(new AssignAccount(stored.accountId(), "sam"), "sam", "SALES"))
                .isInstanceOf(Forbidden.class);
        send(new AssignAccount(stored.accountId(), "sam"), StoredBeforeOwners.QUALIFIER, "SALES");
        send(new AssignOpportunity(stored.opportunityId(), "sam"), "root", "ADMIN");

        assertThat(events(stored.leadId())).last().extracting(DomainEventMessage::getPayload)
                .isEqualTo(new LeadAssigned(stored.leadId(), "ann"));
        assertThat(events(stored.accountId())).last().extracting(DomainEventMessage::getPayload)
                .isEqualTo(new AccountAssigned(stored.accountId(), "sam"));
        assertThat(events(stored.opportunityId())).extracting(DomainEventMessage::getPayload)
                .last().isEqualTo(new OpportunityAssigned(stored.opportunityId(), "sam"));
        LeadCreated created = (LeadCreated) events(stored.leadId()).get(0).getPayload();
        assertThat(created.ownerId()).isEqualTo(StoredBeforeOwners.CREATOR);
        assertThat(created.details().campaign()).isNull();
    }

    private void send(Object command, String user, String roles) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(MetadataKeys.ACTOR, user, MetadataKeys.ACTOR_ROLES, roles)));
    }

    private List<? extends DomainEventMessage<?>> events(String leadId) {
        return eventStore.readEvents(leadId).asStream().toList();
    }
}
