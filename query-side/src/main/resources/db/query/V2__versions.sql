-- Opportunities expose their version (sequence number of the last event applied) like leads do, so that
-- `?minVersion=N` can wait for them. Accounts and contacts need no column: one event creates them and
-- nothing changes them, so their version is always 0.
ALTER TABLE opportunity_view ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

-- Existing rows: an opportunity's events are its creation (sequence 0) and one NoteTransferred per note.
UPDATE opportunity_view opportunity
SET version = (SELECT count(*) FROM opportunity_note_view note WHERE note.opportunity_id = opportunity.opportunity_id);
