-- People who take a channel's question of the day by DM, at their own local time, instead of in
-- the channel. sent_on is the person's local date of the last DM (at most one a day, claimed by
-- whichever instance gets there first); sent_post is the channel date of the post it carried, and
-- message_id the DM that carried it, so a reply in its thread is an answer. Written for both
-- SQLite and PostgreSQL.
CREATE TABLE daily_dm (
    subscription_id VARCHAR(64)  NOT NULL,
    platform        VARCHAR(16)  NOT NULL,
    tenant          VARCHAR(128) NOT NULL,
    user_id         VARCHAR(128) NOT NULL,
    at_time         VARCHAR(5)   NOT NULL,
    zone            VARCHAR(64)  NOT NULL,
    sent_on         VARCHAR(10),
    sent_post       VARCHAR(10),
    message_id      VARCHAR(128),
    PRIMARY KEY (subscription_id, platform, tenant, user_id)
);

CREATE INDEX daily_dm_user ON daily_dm (platform, tenant, user_id);
CREATE INDEX daily_dm_message ON daily_dm (message_id);
