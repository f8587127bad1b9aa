package dev.leadqualification.platform.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Brings {@code NoteAdded} events of revision 0 (or of no revision) to revision 1.
 * <p>
 * The history: the first release of the note API took the attachment the way the browser's {@code File} object
 * names it and stored it so in the event: {@code "attachment": {"name", "type", "data"}} (data base64). When the
 * HTTP contract was settled it became {@code {"fileName", "mimeType", "contentBase64"}} on the wire and
 * {@code {"fileName", "mimeType", "content"}} in the event ({@code Attachment}), and {@code NoteAdded} got
 * revision 1. Events are never rewritten, so the old ones are renamed here on every read, in both services (the
 * aggregate, the saga, the projections, the history and the stream all read through Axon's upcaster chain).
 * <p>
 * Events stored before events carried a revision at all (revision {@code null}) may have either shape: the
 * renaming is done only where the old names are present, so a {@code null}-revision event that already has the
 * new names passes through unchanged and is merely labelled revision 1. The bytes ({@code data}) are base64 in
 * both shapes, so they are moved, not decoded. Events of revision 1 are not touched.
 */
public class NoteAddedAttachmentUpcaster extends SingleEventUpcaster {

    /** The payload type as it is stored: a fact of the past, so spelled out rather than taken from the class. */
    static final String NOTE_ADDED_TYPE = "dev.leadqualification.kernel.lead.NoteAdded";
    static final String OLD_REVISION = "0";
    static final String NEW_REVISION = "1";

    private static final SimpleSerializedType UPCAST_TYPE = new SimpleSerializedType(NOTE_ADDED_TYPE, NEW_REVISION);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        String revision = event.getType().getRevision();
        return NOTE_ADDED_TYPE.equals(event.getType().getName())
                && (revision == null || OLD_REVISION.equals(revision));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(UPCAST_TYPE, JsonNode.class, NoteAddedAttachmentUpcaster::renameAttachmentFields);
    }

    private static JsonNode renameAttachmentFields(JsonNode payload) {
        if (!payload.path("attachment").isObject()) {
            return payload; // a note without attachment looks the same in both revisions
        }
        ObjectNode upcast = payload.deepCopy();
        ObjectNode attachment = (ObjectNode) upcast.get("attachment");
        move(attachment, "name", "fileName");
        move(attachment, "type", "mimeType");
        move(attachment, "data", "content");
        return upcast;
    }

    /** Renames {@code from} to {@code to} where the old name is present and the new one is not. */
    private static void move(ObjectNode attachment, String from, String to) {
        if (attachment.has(from) && !attachment.has(to)) {
            attachment.set(to, attachment.remove(from));
        }
    }
}
