-- Every projection now runs in one event processor, read-models (query.readmodel.ProjectionConfiguration), instead
-- of a processor of its own. The new processor has no token, so it starts from the first event of the store: the
-- read tables are emptied here, exactly as a replay empties them, and rebuilt from the events when the service
-- starts. Parked events go with them, as in a replay (the rebuild applies every event again), and so do the old
-- processors' tokens, which nothing reads any more. Other processors' tokens (the command side's) stay.
DELETE FROM token_entry
WHERE processor_name IN ('lead-projection', 'account-projection', 'contact-projection', 'opportunity-projection',
                         'attachment-projection');
TRUNCATE lead_view, lead_note_view, attachment_view, account_view, contact_view, opportunity_view,
    opportunity_note_view, dead_letter_entry;
