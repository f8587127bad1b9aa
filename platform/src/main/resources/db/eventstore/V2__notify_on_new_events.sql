-- Every transaction that appends events notifies channel domain_events when it commits (PostgreSQL delivers a
-- notification only at commit, and folds a transaction's identical notifications into one): the readers of every
-- instance of both services LISTEN to it instead of polling the store every few milliseconds.
CREATE FUNCTION notify_domain_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('domain_events', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER domain_event_entry_notify AFTER INSERT ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION notify_domain_events();
