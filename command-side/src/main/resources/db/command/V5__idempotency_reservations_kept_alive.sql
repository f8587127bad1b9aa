-- A reservation in progress is renewed while its request runs (alive_at), so a long import is not taken for
-- abandoned: a repeat may take a key over only once its reservation has not been renewed for a while.
-- The default keeps older instances' inserts valid during a rolling upgrade.
ALTER TABLE idempotency_record ADD COLUMN alive_at TIMESTAMPTZ NOT NULL DEFAULT now();
UPDATE idempotency_record SET alive_at = created_at;
