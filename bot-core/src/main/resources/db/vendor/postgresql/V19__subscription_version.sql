-- A number that moves whenever the subscriptions the scheduler posts for may have changed (a
-- subscription added, changed or removed; a workspace removing or reinstalling the coach). Each
-- instance keeps the list it loaded and loads it again only when this number moved, so a check
-- every few seconds costs one small read instead of every subscription. Triggers move it, in the
-- writer's own transaction, so no writer, on any instance, can forget to.
CREATE TABLE daily_subscription_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO daily_subscription_version (id, version) VALUES (1, 0);

CREATE FUNCTION daily_subscription_changed() RETURNS trigger AS $$
BEGIN
    UPDATE daily_subscription_version SET version = version + 1 WHERE id = 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- Per row, so a statement that changes nothing (a periodic purge with nothing to purge) does not move it.
CREATE TRIGGER daily_subscription_changed AFTER INSERT OR UPDATE OR DELETE ON daily_subscription
    FOR EACH ROW EXECUTE FUNCTION daily_subscription_changed();
CREATE TRIGGER daily_subscription_truncated AFTER TRUNCATE ON daily_subscription
    FOR EACH STATEMENT EXECUTE FUNCTION daily_subscription_changed();
CREATE TRIGGER tenant_removed_changed AFTER INSERT OR UPDATE OR DELETE ON tenant_removed
    FOR EACH ROW EXECUTE FUNCTION daily_subscription_changed();
CREATE TRIGGER tenant_removed_truncated AFTER TRUNCATE ON tenant_removed
    FOR EACH STATEMENT EXECUTE FUNCTION daily_subscription_changed();
