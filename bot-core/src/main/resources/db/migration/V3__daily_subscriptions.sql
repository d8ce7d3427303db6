-- Channels subscribed to a question of the day; written for both SQLite and PostgreSQL.
CREATE TABLE daily_subscription (
    id          VARCHAR(64)  PRIMARY KEY,
    platform    VARCHAR(16)  NOT NULL,
    tenant      VARCHAR(128) NOT NULL,
    channel_id  VARCHAR(128) NOT NULL,
    track       VARCHAR(128) NOT NULL,
    post_time   VARCHAR(5)   NOT NULL,
    zone        VARCHAR(64)  NOT NULL,
    days        VARCHAR(64)  NOT NULL,
    created_by  VARCHAR(128) NOT NULL,
    created_at  BIGINT       NOT NULL
);

-- One subscription per channel: subscribing again changes it.
CREATE UNIQUE INDEX daily_subscription_channel ON daily_subscription (platform, tenant, channel_id);
