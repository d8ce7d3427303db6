-- A number that moves whenever the subscriptions the scheduler posts for may have changed (a
-- subscription added, changed or removed; a workspace removing or reinstalling the coach). Each
-- instance keeps the list it loaded and loads it again only when this number moved, so a check
-- every few seconds costs one small read instead of every subscription. Triggers move it, so no
-- writer, on any instance, can forget to.
CREATE TABLE daily_subscription_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO daily_subscription_version (id, version) VALUES (1, 0);

CREATE TRIGGER daily_subscription_inserted AFTER INSERT ON daily_subscription
BEGIN UPDATE daily_subscription_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER daily_subscription_updated AFTER UPDATE ON daily_subscription
BEGIN UPDATE daily_subscription_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER daily_subscription_deleted AFTER DELETE ON daily_subscription
BEGIN UPDATE daily_subscription_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER tenant_removed_inserted AFTER INSERT ON tenant_removed
BEGIN UPDATE daily_subscription_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER tenant_removed_updated AFTER UPDATE ON tenant_removed
BEGIN UPDATE daily_subscription_version SET version = version + 1 WHERE id = 1; END;
CREATE TRIGGER tenant_removed_deleted AFTER DELETE ON tenant_removed
BEGIN UPDATE daily_subscription_version SET version = version + 1 WHERE id = 1; END;
