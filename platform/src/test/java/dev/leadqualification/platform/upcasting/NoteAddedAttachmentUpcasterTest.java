package dev.leadqualification.platform.upcasting;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leadqualification.kernel.lead.NoteAdded;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored {@code NoteAdded} payloads of every shape, read through the upcaster chain as the services read them. */
class NoteAddedAttachmentUpcasterTest {

    private static final byte[] BYTES = "brief: 40 vans, electric".getBytes(StandardCharsets.UTF_8);
    private static final String BASE64 = Base64.getEncoder().encodeToString(BYTES);
    private static final String LEAD_ID = "8f7e3a43-8d0c-4b8e-9d55-0f5f8c1c2a10";
    private static final String NOTE_ID = "0b9a3f2e-1c7d-4e5f-8a9b-1c2d3e4f5a6b";

    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper()).build();
    private final EventUpcasterChain chain = new EventUpcasterChain(new NoteAddedAttachmentUpcaster());

    @Test
    void revisionZeroAttachmentIsRenamedToTheCurrentFields() {
        NoteAdded note = readNoteAdded("0", oldShape());

        assertThat(note.leadId()).isEqualTo(LEAD_ID);
        assertThat(note.noteId()).isEqualTo(NOTE_ID);
        assertThat(note.title()).isEqualTo(RevisionZeroNote.TITLE);
        assertThat(note.text()).isEqualTo(RevisionZeroNote.TEXT);
        assertThat(note.attachment().fileName()).isEqualTo("brief.txt");
        assertThat(note.attachment().mimeType()).isEqualTo("text/plain");
        assertThat(note.attachment().content()).isEqualTo(BYTES);
    }

    @Test
    void anEventWithoutRevisionInTheOldShapeIsRenamedToo() {
        NoteAdded note = readNoteAdded(null, oldShape());

        assertThat(note.attachment().fileName()).isEqualTo("brief.txt");
        assertThat(note.attachment().mimeType()).isEqualTo("text/plain");
        assertThat(note.attachment().content()).isEqualTo(BYTES);
    }

    @Test
    void anEventWithoutRevisionInTheCurrentShapePassesUnchanged() {
        NoteAdded note = readNoteAdded(null, currentShape());

        assertThat(note.attachment().fileName()).isEqualTo("brief.txt");
        assertThat(note.attachment().mimeType()).isEqualTo("text/plain");
        assertThat(note.attachment().content()).isEqualTo(BYTES);
    }

    @Test
    void aNoteWithoutAttachmentKeepsItsText() {
        NoteAdded note = readNoteAdded("0", """
                {"leadId": "%s", "noteId": "%s", "title": "Call", "text": "No file", "attachment": null}"""
                .formatted(LEAD_ID, NOTE_ID));

        assertThat(note.text()).isEqualTo("No file");
        assertThat(note.attachment()).isNull();
    }

    @Test
    void everyUpcastEventIsLabelledWithTheRevisionNoteAddedDeclares() {
        String declared = NoteAdded.class.getAnnotation(Revision.class).value();

        for (String stored : new String[]{null, "0"}) {
            SerializedType type = upcast(NoteAddedAttachmentUpcaster.NOTE_ADDED_TYPE, stored, oldShape()).getType();
            assertThat(type.getName()).isEqualTo(NoteAdded.class.getName());
            assertThat(type.getRevision()).as("revision of a stored %s", stored).isEqualTo(declared);
        }
    }

    @Test
    void revisionOneIsNotTouched() {
        String storedAsRevisionOne = oldShape(); // would be renamed if the upcaster looked at it
        IntermediateEventRepresentation read = upcast(NoteAddedAttachmentUpcaster.NOTE_ADDED_TYPE, "1", storedAsRevisionOne);

        assertThat(read.getType().getRevision()).isEqualTo("1");
        assertThat(new String(read.getData(byte[].class).getData(), StandardCharsets.UTF_8)).isEqualTo(storedAsRevisionOne);
    }

    @Test
    void otherEventTypesAreNotTouched() {
        String payload = """
                {"leadId": "%s", "attachment": {"name": "x"}}""".formatted(LEAD_ID);
        IntermediateEventRepresentation read = upcast("dev.leadqualification.kernel.lead.LeadCreated", null, payload);

        assertThat(read.getType().getRevision()).isNull();
        assertThat(new String(read.getData(byte[].class).getData(), StandardCharsets.UTF_8)).isEqualTo(payload);
    }

    private NoteAdded readNoteAdded(String revision, String payload) {
        IntermediateEventRepresentation read = upcast(NoteAddedAttachmentUpcaster.NOTE_ADDED_TYPE, revision, payload);
        assertThat(read.getType().getRevision()).isEqualTo("1");
        return serializer.deserialize(read.getData());
    }

    private IntermediateEventRepresentation upcast(String payloadType, String revision, String payload) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Lead", LEAD_ID, 1,
                UUID.randomUUID().toString(), "2024-05-02T10:15:30Z", payloadType, revision,
                payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> read =
                chain.upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        assertThat(read).hasSize(1);
        return read.get(0);
    }

    private static String oldShape() {
        return new RevisionZeroNote(LEAD_ID, 1, NOTE_ID, "sam", "brief.txt", "text/plain", BYTES).payload();
    }

    private static String currentShape() {
        return """
                {"leadId": "%s", "noteId": "%s", "title": "%s", "text": "%s",
                 "attachment": {"fileName": "brief.txt", "mimeType": "text/plain", "content": "%s"}}"""
                .formatted(LEAD_ID, NOTE_ID, RevisionZeroNote.TITLE, RevisionZeroNote.TEXT, BASE64);
    }
}
