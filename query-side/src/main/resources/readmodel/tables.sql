-- The read tables of one generation (query.generation.ReadModelSchema, version 1), created in the generation's
-- schema before its rebuild. Only the keys the projections write by are here; readers' indexes follow the bulk of
-- the rows (indexes.sql). Same shape as db/query V1-V5 left generation 1.
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
    version               BIGINT      NOT NULL,
    owner_id              TEXT
) WITH (fillfactor = 70);

CREATE TABLE lead_note_view (
    note_id    UUID PRIMARY KEY,
    lead_id    UUID        NOT NULL,
    position   BIGINT      NOT NULL,
    title      TEXT,
    text       TEXT,
    attachment JSONB,
    created_at TIMESTAMPTZ NOT NULL,
    created_by TEXT
);

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
    created_by          TEXT,
    owner_id            TEXT,
    version             BIGINT      NOT NULL DEFAULT 0
);

CREATE TABLE contact_view (
    contact_id          UUID PRIMARY KEY,
    details             JSONB       NOT NULL,
    originating_lead_id UUID,
    search_text         TEXT        NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    created_by          TEXT,
    owner_id            TEXT,
    version             BIGINT      NOT NULL DEFAULT 0
);

CREATE TABLE opportunity_view (
    opportunity_id      UUID PRIMARY KEY,
    details             JSONB       NOT NULL,
    customer            JSONB,
    account_id          UUID,
    contact_id          UUID,
    originating_lead_id UUID,
    process_stage       VARCHAR(20) NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    created_by          TEXT,
    version             BIGINT      NOT NULL DEFAULT 0,
    status              VARCHAR(10) NOT NULL DEFAULT 'OPEN',
    actual_revenue      JSONB,
    close_date          DATE,
    close_reason        TEXT,
    search_text         TEXT        NOT NULL DEFAULT '',
    owner_id            TEXT
) WITH (fillfactor = 80);

CREATE TABLE opportunity_note_view (
    opportunity_id UUID NOT NULL,
    note_id        UUID NOT NULL,
    from_lead_id   UUID NOT NULL,
    PRIMARY KEY (opportunity_id, note_id)
);
