package dev.leadqualification.kernel.lead;

import dev.leadqualification.kernel.ownership.OwnerOnly;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a note, optionally with an attachment, to an open lead. */
public record AddNote(@TargetAggregateIdentifier String leadId, String noteId, String title, String text,
                      Attachment attachment) implements OwnerOnly {
}
