package dev.leadqualification.query.opportunity;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

/**
 * An opportunity as {@code GET /api/opportunities/{id}} shows it: the list's view plus the notes transferred from
 * its lead.
 */
public record OpportunityWithNotes(@JsonUnwrapped OpportunityView opportunity, List<OpportunityNoteView> notes) {
}
