-- Answers to a question of the day. The primary key is the rule: one scored answer per person
-- per post. The text stays private to its author until the reveal shares what they chose to share.
CREATE TABLE daily_answer (
    subscription_id VARCHAR(64)  NOT NULL,
    local_date      VARCHAR(10)  NOT NULL,
    platform        VARCHAR(16)  NOT NULL,
    tenant          VARCHAR(128) NOT NULL,
    user_id         VARCHAR(128) NOT NULL,
    question_id     VARCHAR(128) NOT NULL,
    answer_text     TEXT         NOT NULL,
    score           INTEGER      NOT NULL,
    covered         TEXT         NOT NULL,
    missed          TEXT         NOT NULL,
    share           INTEGER      NOT NULL,
    answered_at     BIGINT       NOT NULL,
    PRIMARY KEY (subscription_id, local_date, platform, tenant, user_id)
);
