-- Questions of the day as posted. The primary key is the exactly-once rule: one post per
-- subscription per local date, whichever instance gets there first.
CREATE TABLE daily_post (
    subscription_id VARCHAR(64)  NOT NULL,
    local_date      VARCHAR(10)  NOT NULL,
    question_id     VARCHAR(128) NOT NULL,
    message_id      VARCHAR(128),
    claimed_at      BIGINT       NOT NULL,
    PRIMARY KEY (subscription_id, local_date)
);
