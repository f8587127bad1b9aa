-- duplicate_match_code is the command side's largest table: a row per record and rule, millions after an import of a
-- CRM's accounts and contacts, and every new record inserts into its primary key at a random place (codes are
-- hashes). Its key was 64 hexadecimal characters of SHA-256 and two ids as text, about 150 bytes per index entry;
-- as uuid values (the first 128 bits of the hash, and the ids themselves) an entry takes about 60, so the index
-- holds 2.5 times as many entries per page and far fewer of its pages are missing from the database's buffers.
-- Two different values matching by accident would take about 2^64 codes under one rule. The stored codes are
-- converted in place; the services compute the same 128 bits from now on.
ALTER TABLE duplicate_match_code
    ALTER COLUMN rule_id TYPE uuid USING rule_id::uuid,
    ALTER COLUMN match_code TYPE uuid USING substr(match_code, 1, 32)::uuid,
    ALTER COLUMN record_id TYPE uuid USING record_id::uuid;
