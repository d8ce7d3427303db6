-- The inbox: every platform delivery is recorded before the platform hears "received" (it was
-- the dedupe record; now it also holds the event itself, so one not yet handled when the process
-- stopped is handled on the next start). Rows recorded before this migration were handled.
ALTER TABLE processed_event ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'DONE';
ALTER TABLE processed_event ADD COLUMN payload TEXT;
ALTER TABLE processed_event ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE processed_event ADD COLUMN not_before BIGINT NOT NULL DEFAULT 0;
CREATE INDEX processed_event_pending ON processed_event (status, not_before);

-- The outbox: the replies a handled event causes, written in the same transaction as the state
-- it changed, and delivered in order per lane (the place they go to).
CREATE TABLE outbox_reply (
    id            BIGSERIAL    PRIMARY KEY,
    lane          VARCHAR(512) NOT NULL,
    platform      VARCHAR(16)  NOT NULL,
    event_id      VARCHAR(256),
    tenant        VARCHAR(128),
    user_id       VARCHAR(128),
    op            VARCHAR(16)  NOT NULL,
    payload       TEXT         NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    attempts      INTEGER      NOT NULL DEFAULT 0,
    not_before    BIGINT       NOT NULL,
    claimed_until BIGINT,
    created_at    BIGINT       NOT NULL,
    delivered_id  VARCHAR(256),
    last_error    VARCHAR(512)
);
CREATE INDEX outbox_reply_lane ON outbox_reply (lane, status, id);
CREATE INDEX outbox_reply_due ON outbox_reply (status, not_before);
