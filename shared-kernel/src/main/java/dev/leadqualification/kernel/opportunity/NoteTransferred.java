package dev.leadqualification.kernel.opportunity;

import org.axonframework.serialization.Revision;

/**
 * A note of the lead (with its attachment) now also belongs to the opportunity. The note keeps its id; its
 * content is the one recorded by the lead's {@code NoteAdded}.
 */
@Revision("1")
public record NoteTransferred(String opportunityId, String noteId, String fromLeadId) {
}
