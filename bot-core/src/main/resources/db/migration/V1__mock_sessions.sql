-- Mock interviews and their answers; written for both SQLite and PostgreSQL.
-- Times are epoch milliseconds so both databases sort and compare them the same way.

CREATE TABLE mock_session (
    id            VARCHAR(64)  PRIMARY KEY,
    platform      VARCHAR(16)  NOT NULL,
    tenant        VARCHAR(128) NOT NULL,
    user_id       VARCHAR(128) NOT NULL,
    place_key     VARCHAR(512) NOT NULL,
    place_channel VARCHAR(128) NOT NULL,
    place_thread  VARCHAR(128),
    place_kind    VARCHAR(16)  NOT NULL,
    track         VARCHAR(128) NOT NULL,
    question_ids  TEXT         NOT NULL,
    position      INTEGER      NOT NULL,
    hints_shown   INTEGER      NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    ended_early   INTEGER      NOT NULL,
    version       BIGINT       NOT NULL,
    started_at    BIGINT       NOT NULL,
    finished_at   BIGINT
);

-- One interview in progress per person: a second start finds the first.
CREATE UNIQUE INDEX mock_session_one_active
    ON mock_session (platform, tenant, user_id) WHERE status = 'ACTIVE';

CREATE INDEX mock_session_place ON mock_session (place_key, status);
CREATE INDEX mock_session_user_started ON mock_session (platform, tenant, user_id, started_at);

-- One stored result per question per session: a duplicate answer cannot be scored twice.
CREATE TABLE mock_answer (
    session_id   VARCHAR(64)  NOT NULL REFERENCES mock_session (id),
    position     INTEGER      NOT NULL,
    question_id  VARCHAR(128) NOT NULL,
    outcome      VARCHAR(16)  NOT NULL,
    answer_text  TEXT,
    score        INTEGER,
    covered      TEXT         NOT NULL,
    missed       TEXT         NOT NULL,
    hints_used   INTEGER      NOT NULL,
    answered_at  BIGINT       NOT NULL,
    PRIMARY KEY (session_id, position)
);

-- Platform deliveries already handled, so a retried event changes nothing.
CREATE TABLE processed_event (
    event_id     VARCHAR(256) PRIMARY KEY,
    processed_at BIGINT       NOT NULL
);
