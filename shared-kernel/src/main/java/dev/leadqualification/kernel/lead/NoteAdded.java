package dev.leadqualification.kernel.lead;

import org.axonframework.serialization.Revision;

/** A note (and its attachment, if any) was added to the lead. */
@Revision("1")
public record NoteAdded(String leadId, String noteId, String title, String text, Attachment attachment) {
}
