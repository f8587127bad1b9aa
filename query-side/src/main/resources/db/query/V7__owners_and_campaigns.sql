-- Every lead, account, contact and opportunity has an owner (a user name), which lists filter on (?owner=). Accounts
-- and contacts can now change (assignment), so they keep a version like leads and opportunities do.
-- A lead's campaign, a contact's lead source and an opportunity's lead source and campaign live in the details jsonb:
-- rows written before have none, as their events had none.
ALTER TABLE lead_view ADD COLUMN owner_id TEXT;
ALTER TABLE account_view ADD COLUMN owner_id TEXT, ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE contact_view ADD COLUMN owner_id TEXT, ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
ALTER TABLE opportunity_view ADD COLUMN owner_id TEXT;

-- Rows of events stored before owners existed: their events are read with the user who created the record as its
-- owner (platform.upcasting.OwnerFromActorUpcaster), which is the user the row names as its creator. No record was
-- assigned before, so that is still its owner.
UPDATE lead_view SET owner_id = created_by;
UPDATE account_view SET owner_id = created_by;
UPDATE contact_view SET owner_id = created_by;
UPDATE opportunity_view SET owner_id = created_by;

CREATE INDEX lead_view_owner_created_idx ON lead_view (owner_id, created_at DESC, lead_id);
CREATE INDEX account_view_owner_created_idx ON account_view (owner_id, created_at DESC, account_id);
CREATE INDEX contact_view_owner_created_idx ON contact_view (owner_id, created_at DESC, contact_id);
CREATE INDEX opportunity_view_owner_created_idx ON opportunity_view (owner_id, created_at DESC, opportunity_id);
