-- Spaced review: each question a person answered, with its FSRS memory state and when it is due.
-- Written for both SQLite and PostgreSQL; times are epoch milliseconds.

CREATE TABLE review_card (
    platform     VARCHAR(16)      NOT NULL,
    tenant       VARCHAR(128)     NOT NULL,
    user_id      VARCHAR(128)     NOT NULL,
    track        VARCHAR(128)     NOT NULL,
    question_id  VARCHAR(128)     NOT NULL,
    stability    DOUBLE PRECISION NOT NULL,
    difficulty   DOUBLE PRECISION NOT NULL,
    last_review  BIGINT           NOT NULL,
    due_at       BIGINT           NOT NULL,
    reps         INTEGER          NOT NULL,
    lapses       INTEGER          NOT NULL,
    PRIMARY KEY (platform, tenant, user_id, track, question_id)
);

CREATE INDEX review_card_due ON review_card (platform, tenant, user_id, due_at);
