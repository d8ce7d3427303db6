-- The question a channel's next post will use, chosen early when a manager previews it, so the
-- post shows the question the preview showed. Written for both SQLite and PostgreSQL.

CREATE TABLE daily_next_question (
    subscription_id VARCHAR(64)  PRIMARY KEY,
    question_id     VARCHAR(128) NOT NULL
);
