package dev.leadqualification.kernel.opportunity;

/**
 * A note of the lead (with its attachment) now also belongs to the opportunity. The note keeps its id; its
 * content is the one recorded by the lead's {@code NoteAdded}.
 */
public record NoteTransferred(String opportunityId, String noteId, String fromLeadId) {
}
