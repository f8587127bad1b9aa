-- Opportunities are edited, moved through the sales process, won or lost and reopened (issue 23): the read model
-- keeps their status and outcome, and lists them by status and by a search of their name, like leads.
ALTER TABLE opportunity_view
    ADD COLUMN status         VARCHAR(10) NOT NULL DEFAULT 'OPEN',
    ADD COLUMN actual_revenue JSONB,
    ADD COLUMN close_date     DATE,
    ADD COLUMN close_reason   TEXT,
    ADD COLUMN search_text    TEXT        NOT NULL DEFAULT '';

-- Existing rows: every opportunity is open (none could be closed before), and `q` searches its name.
UPDATE opportunity_view SET search_text = lower(trim(coalesce(details ->> 'name', '')));

CREATE INDEX opportunity_view_created_idx ON opportunity_view (created_at DESC, opportunity_id);
CREATE INDEX opportunity_view_status_created_idx ON opportunity_view (status, created_at DESC, opportunity_id);
CREATE INDEX opportunity_view_search_idx ON opportunity_view USING gin (search_text gin_trgm_ops);
