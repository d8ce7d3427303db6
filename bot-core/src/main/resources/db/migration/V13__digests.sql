-- The weekly cohort digest: a channel's participation and scores, sent to a channel of its
-- managers' choosing. Written for both SQLite and PostgreSQL (INSERT ... ON CONFLICT DO NOTHING
-- claims run on both). Times are epoch milliseconds, as elsewhere.

-- One digest per cohort channel: where it goes and when (a weekday and local time in a zone).
CREATE TABLE cohort_digest (
    platform    VARCHAR(16)  NOT NULL,
    tenant      VARCHAR(128) NOT NULL,
    channel_id  VARCHAR(128) NOT NULL,
    target_id   VARCHAR(128) NOT NULL,
    weekday     VARCHAR(9)   NOT NULL,
    post_time   VARCHAR(5)   NOT NULL,
    zone        VARCHAR(64)  NOT NULL,
    created_by  VARCHAR(128) NOT NULL,
    created_at  BIGINT       NOT NULL,
    PRIMARY KEY (platform, tenant, channel_id)
);

-- The claim that sends each digest once, whichever instance gets there first: one row per cohort
-- per local date it was due.
CREATE TABLE cohort_digest_sent (
    platform    VARCHAR(16)  NOT NULL,
    tenant      VARCHAR(128) NOT NULL,
    channel_id  VARCHAR(128) NOT NULL,
    local_date  VARCHAR(10)  NOT NULL,
    sent_at     BIGINT       NOT NULL,
    PRIMARY KEY (platform, tenant, channel_id, local_date)
);

-- People who agreed to be named in digests (digest show-me on). Everyone else is only counted.
CREATE TABLE digest_show_me (
    platform    VARCHAR(16)  NOT NULL,
    tenant      VARCHAR(128) NOT NULL,
    user_id     VARCHAR(128) NOT NULL,
    since       BIGINT       NOT NULL,
    PRIMARY KEY (platform, tenant, user_id)
);
