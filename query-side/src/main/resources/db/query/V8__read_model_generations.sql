-- leads:requires-all-older-instances-stopped
-- The read tables move into a schema of their own, generation 1 of the read models (query.generation): a replay
-- builds the next generation in a schema beside it and every instance switches to it at once. The projections' SQL
-- names tables without a schema; each connection's search_path names the generation it works on. Older instances
-- look for the tables in public, hence the marker above.
CREATE TABLE read_model_generation (
    generation     BIGINT PRIMARY KEY,
    schema_name    TEXT        NOT NULL UNIQUE,
    -- the shape of its tables (query.generation.ReadModelSchema.VERSION when it was built)
    schema_version INT         NOT NULL,
    -- LIVE (read and kept up to date), BUILDING (a rebuild), FAILED (a rebuild given up on an error; an event a
    -- projection cannot apply is parked instead),
    -- RETIRED (replaced; its schema is dropped)
    state          VARCHAR(20) NOT NULL,
    -- of a BUILDING generation: LOADING, INDEXING, CATCHING_UP, SWITCHING
    phase          VARCHAR(20),
    -- how far a rebuild has read the event store: Axon's token (as the token store keeps it) and its position
    token          BYTEA,
    token_type     TEXT,
    position       BIGINT      NOT NULL DEFAULT 0,
    -- the instance building it, how many have started on it, and where the last one resumed
    builder        TEXT,
    attempt        INT         NOT NULL DEFAULT 1,
    resumed_from   BIGINT,
    failure        TEXT,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    live_since     TIMESTAMPTZ
);
CREATE UNIQUE INDEX read_model_generation_one_live ON read_model_generation ((true)) WHERE state = 'LIVE';
CREATE UNIQUE INDEX read_model_generation_one_building ON read_model_generation ((true)) WHERE state = 'BUILDING';

CREATE SCHEMA read_models_1;
ALTER TABLE lead_view SET SCHEMA read_models_1;
ALTER TABLE lead_note_view SET SCHEMA read_models_1;
ALTER TABLE attachment_view SET SCHEMA read_models_1;
ALTER TABLE account_view SET SCHEMA read_models_1;
ALTER TABLE contact_view SET SCHEMA read_models_1;
ALTER TABLE opportunity_view SET SCHEMA read_models_1;
ALTER TABLE opportunity_note_view SET SCHEMA read_models_1;
INSERT INTO read_model_generation (generation, schema_name, schema_version, state, live_since)
VALUES (1, 'read_models_1', 1, 'LIVE', now());
