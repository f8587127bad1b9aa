-- The readers' indexes of one generation (query.generation.ReadModelSchema), built once the rebuild has loaded the
-- bulk of the rows: one sort per index instead of an index entry per row written (the trigram index above all).
CREATE INDEX lead_view_created_idx ON lead_view (created_at DESC, lead_id);
CREATE INDEX lead_view_status_created_idx ON lead_view (status, created_at DESC, lead_id);
CREATE INDEX lead_view_search_idx ON lead_view USING gin (search_text gin_trgm_ops);
CREATE INDEX lead_note_view_lead_idx ON lead_note_view (lead_id, position);
CREATE INDEX account_view_created_idx ON account_view (created_at DESC, account_id);
CREATE INDEX account_view_search_idx ON account_view USING gin (search_text gin_trgm_ops);
CREATE INDEX contact_view_created_idx ON contact_view (created_at DESC, contact_id);
CREATE INDEX contact_view_search_idx ON contact_view USING gin (search_text gin_trgm_ops);
CREATE INDEX opportunity_view_created_idx ON opportunity_view (created_at DESC, opportunity_id);
CREATE INDEX opportunity_view_status_created_idx ON opportunity_view (status, created_at DESC, opportunity_id);
CREATE INDEX opportunity_view_search_idx ON opportunity_view USING gin (search_text gin_trgm_ops);
CREATE INDEX lead_view_owner_created_idx ON lead_view (owner_id, created_at DESC, lead_id);
CREATE INDEX account_view_owner_created_idx ON account_view (owner_id, created_at DESC, account_id);
CREATE INDEX contact_view_owner_created_idx ON contact_view (owner_id, created_at DESC, contact_id);
CREATE INDEX opportunity_view_owner_created_idx ON opportunity_view (owner_id, created_at DESC, opportunity_id);
