-- The projections' dead-letter queue (Axon's JdbcSequencedDeadLetterQueue, one queue per processing group in one
-- table): an event whose handler kept failing is parked here, and the later events of the same aggregate (its
-- sequence) are parked behind it in order, until an administrator retries them.
-- The columns are those of Axon's GenericDeadLetterTableFactory, named by the DeadLetterSchema bean
-- (deadletter/DeadLetterConfiguration). Serialized data (payload, metadata, tracking token, diagnostics) is bytea,
-- as in the event store; times are text because Axon writes and compares them as ISO-8601 strings; the cause is
-- text so that no exception's type or message is too long to park an event.

CREATE TABLE dead_letter_entry (
    dead_letter_id       VARCHAR(255) PRIMARY KEY,
    processing_group     VARCHAR(255) NOT NULL,
    sequence_identifier  VARCHAR(255) NOT NULL,
    sequence_index       BIGINT       NOT NULL,
    message_type         VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    aggregate_type       VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BYTEA,
    enqueued_at          VARCHAR(255) NOT NULL,
    last_touched         VARCHAR(255),
    processing_started   VARCHAR(255),
    cause_type           TEXT,
    cause_message        TEXT,
    diagnostics          BYTEA,
    -- also the index of every lookup Axon makes: by group, and by group and sequence
    CONSTRAINT dead_letter_entry_sequence UNIQUE (processing_group, sequence_identifier, sequence_index)
);
