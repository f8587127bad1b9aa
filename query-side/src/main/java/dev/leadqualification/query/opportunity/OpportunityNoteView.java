package dev.leadqualification.query.opportunity;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.leadqualification.query.lead.NoteView;

/** A note transferred from a lead: the lead's note as it was added, and which lead it came from. */
public record OpportunityNoteView(@JsonUnwrapped NoteView note, String fromLeadId) {
}
