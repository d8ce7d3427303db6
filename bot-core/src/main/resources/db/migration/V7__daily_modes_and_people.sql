-- Per-channel settings of the question of the day: how people answer (sealed through a private
-- form, or open in the thread), whether a participation leaderboard is shown, and optional
-- filters on the track's questions. Written for both SQLite and PostgreSQL.
ALTER TABLE daily_subscription ADD COLUMN answer_mode VARCHAR(8) NOT NULL DEFAULT 'SEALED';
ALTER TABLE daily_subscription ADD COLUMN leaderboard INTEGER NOT NULL DEFAULT 0;
ALTER TABLE daily_subscription ADD COLUMN topic VARCHAR(128);
ALTER TABLE daily_subscription ADD COLUMN max_difficulty INTEGER;

-- A post is revealed once: the reveal claims it by setting this.
ALTER TABLE daily_post ADD COLUMN revealed_at BIGINT;

CREATE INDEX daily_post_message ON daily_post (message_id);
CREATE INDEX daily_answer_user ON daily_answer (platform, tenant, user_id, answered_at);

-- What a person chose about the bot: muted (no reminders or unasked DMs), streak reminders, the
-- zone their days are counted in, and the local date of the last reminder (at most one a day).
CREATE TABLE coach_person (
    platform       VARCHAR(16)  NOT NULL,
    tenant         VARCHAR(128) NOT NULL,
    user_id        VARCHAR(128) NOT NULL,
    muted          INTEGER      NOT NULL,
    remind         INTEGER      NOT NULL,
    zone           VARCHAR(64),
    reminded_on    VARCHAR(10),
    PRIMARY KEY (platform, tenant, user_id)
);
