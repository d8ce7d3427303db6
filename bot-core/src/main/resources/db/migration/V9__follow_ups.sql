-- Follow-up questions in mock interviews: whether a session asks them, which one a question waits
-- on, and the answers to them (one per question at most). Written for both SQLite and PostgreSQL.

ALTER TABLE mock_session ADD COLUMN follow_ups INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mock_session ADD COLUMN follow_up_on VARCHAR(128);

CREATE TABLE mock_follow_up (
    session_id   VARCHAR(64)  NOT NULL REFERENCES mock_session (id),
    position     INTEGER      NOT NULL,
    probe        VARCHAR(128) NOT NULL,
    asked        TEXT         NOT NULL,
    outcome      VARCHAR(16)  NOT NULL,
    answer_text  TEXT,
    score        INTEGER,
    covered      TEXT         NOT NULL,
    missed       TEXT         NOT NULL,
    answered_at  BIGINT       NOT NULL,
    PRIMARY KEY (session_id, position)
);
