package dev.leadqualification.query.lead;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

/** A lead as {@code GET /api/leads/{id}} shows it: the list's view plus its notes, in the order they were added. */
public record LeadWithNotes(@JsonUnwrapped LeadView lead, List<NoteView> notes) {
}
