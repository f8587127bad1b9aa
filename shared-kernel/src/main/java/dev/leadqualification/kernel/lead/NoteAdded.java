package dev.leadqualification.kernel.lead;

/** A note (and its attachment, if any) was added to the lead. */
public record NoteAdded(String leadId, String noteId, String title, String text, Attachment attachment) {
}
