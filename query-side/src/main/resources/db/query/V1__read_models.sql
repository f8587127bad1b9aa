-- Read models of the query side, filled by the projections (one processing group per concept).
-- The values the events carry as a whole (details, qualification findings, addresses, money) are jsonb;
-- what lists filter, sort or search on has a real column. search_text is the lower-cased text that `q`
-- matches (LIKE '%term%'), served by a trigram GIN index rather than a table scan.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE lead_view (
    lead_id               UUID PRIMARY KEY,
    details               JSONB       NOT NULL,
    qualification_details JSONB       NOT NULL,
    status                VARCHAR(20) NOT NULL,
    status_reason         VARCHAR(30) NOT NULL,
    process_stage         VARCHAR(20) NOT NULL,
    qualification         JSONB,
    disqualification      JSONB,
    search_text           TEXT        NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    created_by            TEXT,
    modified_at           TIMESTAMPTZ NOT NULL,
    modified_by           TEXT,
    -- sequence number of the last event applied: older or repeated events are ignored
    version               BIGINT      NOT NULL
);
CREATE INDEX lead_view_created_idx ON lead_view (created_at DESC, lead_id);
CREATE INDEX lead_view_status_created_idx ON lead_view (status, created_at DESC, lead_id);
CREATE INDEX lead_view_search_idx ON lead_view USING gin (search_text gin_trgm_ops);

CREATE TABLE lead_note_view (
    note_id    UUID PRIMARY KEY,
    lead_id    UUID        NOT NULL,
    -- sequence number of the NoteAdded event: notes are listed in the order they were added
    position   BIGINT      NOT NULL,
    title      TEXT,
    text       TEXT,
    attachment JSONB,
    created_at TIMESTAMPTZ NOT NULL,
    created_by TEXT
);
CREATE INDEX lead_note_view_lead_idx ON lead_note_view (lead_id, position);

CREATE TABLE attachment_view (
    note_id   UUID PRIMARY KEY,
    file_name TEXT  NOT NULL,
    mime_type TEXT  NOT NULL,
    content   BYTEA NOT NULL
);

CREATE TABLE account_view (
    account_id          UUID PRIMARY KEY,
    details             JSONB       NOT NULL,
    originating_lead_id UUID,
    search_text         TEXT        NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    created_by          TEXT
);
CREATE INDEX account_view_created_idx ON account_view (created_at DESC, account_id);
CREATE INDEX account_view_search_idx ON account_view USING gin (search_text gin_trgm_ops);

CREATE TABLE contact_view (
    contact_id          UUID PRIMARY KEY,
    details             JSONB       NOT NULL,
    originating_lead_id UUID,
    search_text         TEXT        NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    created_by          TEXT
);
CREATE INDEX contact_view_created_idx ON contact_view (created_at DESC, contact_id);
CREATE INDEX contact_view_search_idx ON contact_view USING gin (search_text gin_trgm_ops);

CREATE TABLE opportunity_view (
    opportunity_id      UUID PRIMARY KEY,
    details             JSONB       NOT NULL,
    customer            JSONB,
    account_id          UUID,
    contact_id          UUID,
    originating_lead_id UUID,
    process_stage       VARCHAR(20) NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    created_by          TEXT
);

-- A transferred note keeps its id; title, text and attachment are read from lead_note_view.
CREATE TABLE opportunity_note_view (
    opportunity_id UUID NOT NULL,
    note_id        UUID NOT NULL,
    from_lead_id   UUID NOT NULL,
    PRIMARY KEY (opportunity_id, note_id)
);
