-- A channel's exceptions to its question-of-the-day schedule: paused, skipped dates, and holidays
-- that recur every year. Written for both SQLite and PostgreSQL.

CREATE TABLE daily_schedule_rule (
    subscription_id VARCHAR(64)  NOT NULL,
    rule            VARCHAR(16)  NOT NULL,
    day             VARCHAR(10)  NOT NULL,
    PRIMARY KEY (subscription_id, rule, day)
);
