-- Answers to commands sent with an Idempotency-Key, per user, so a repeat gets the first answer again.
-- A row is reserved (IN_PROGRESS) before the command runs and completed with the answer after it;
-- rows older than the retention period (24 hours) are deleted.
CREATE TABLE idempotency_record (
    username          VARCHAR(255) NOT NULL,
    idempotency_key   VARCHAR(255) NOT NULL,
    request_hash      CHAR(64)     NOT NULL,
    state             VARCHAR(20)  NOT NULL,
    response_status   INTEGER,
    response_headers  JSONB,
    response_body     BYTEA,
    created_at        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (username, idempotency_key)
);
CREATE INDEX idempotency_record_created ON idempotency_record (created_at);
