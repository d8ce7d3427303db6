-- Peer mock interviews: a channel's weekly pairing, who opted in, the pairs made each week and
-- the two questions each pair asks one another. Written for both SQLite and PostgreSQL (claims are
-- INSERT ... ON CONFLICT DO NOTHING on both). Times are epoch milliseconds, as elsewhere; every row
-- carries its platform and tenant (Slack team, Discord server).

-- One weekly pairing per channel: the track it practises, and when pairs are made.
CREATE TABLE pair_schedule (
    platform    VARCHAR(16)  NOT NULL,
    tenant      VARCHAR(128) NOT NULL,
    channel_id  VARCHAR(128) NOT NULL,
    track       VARCHAR(128) NOT NULL,
    weekday     VARCHAR(9)   NOT NULL,
    pair_time   VARCHAR(5)   NOT NULL,
    zone        VARCHAR(64)  NOT NULL,
    created_by  VARCHAR(128) NOT NULL,
    created_at  BIGINT       NOT NULL,
    PRIMARY KEY (platform, tenant, channel_id)
);

-- A person in a channel's pairing: opted in or not, their zone (for working hours), pairings
-- missed in a row, whether they are left out for missing two, and since when they have waited
-- for a partner (an odd one out goes first next week).
CREATE TABLE pair_member (
    platform       VARCHAR(16)  NOT NULL,
    tenant         VARCHAR(128) NOT NULL,
    channel_id     VARCHAR(128) NOT NULL,
    user_id        VARCHAR(128) NOT NULL,
    track          VARCHAR(128) NOT NULL,
    zone           VARCHAR(64)  NOT NULL,
    opted_in       INTEGER      NOT NULL,
    missed_in_row  INTEGER      NOT NULL,
    left_out       INTEGER      NOT NULL,
    waiting_since  BIGINT,
    joined_at      BIGINT       NOT NULL,
    PRIMARY KEY (platform, tenant, channel_id, user_id)
);

-- The claim that makes each week's pairs once, whichever instance gets there first.
CREATE TABLE pair_round (
    platform    VARCHAR(16)  NOT NULL,
    tenant      VARCHAR(128) NOT NULL,
    channel_id  VARCHAR(128) NOT NULL,
    local_date  VARCHAR(10)  NOT NULL,
    started_at  BIGINT       NOT NULL,
    PRIMARY KEY (platform, tenant, channel_id, local_date)
);

-- One pair of one week: who interviews first, where they meet, which question is being asked
-- (turn 1, then 2 with the roles swapped; 3 when both are done), who took part, and until when.
CREATE TABLE peer_pairing (
    id             VARCHAR(64)  NOT NULL PRIMARY KEY,
    platform       VARCHAR(16)  NOT NULL,
    tenant         VARCHAR(128) NOT NULL,
    channel_id     VARCHAR(128) NOT NULL,
    local_date     VARCHAR(10)  NOT NULL,
    track          VARCHAR(128) NOT NULL,
    first_user     VARCHAR(128) NOT NULL,
    second_user    VARCHAR(128) NOT NULL,
    place_channel  VARCHAR(128) NOT NULL,
    place_thread   VARCHAR(128),
    place_kind     VARCHAR(16)  NOT NULL,
    turn           INTEGER      NOT NULL,
    first_showed   INTEGER      NOT NULL,
    second_showed  INTEGER      NOT NULL,
    window_ends    BIGINT       NOT NULL,
    closed_at      BIGINT,
    created_at     BIGINT       NOT NULL
);
CREATE INDEX peer_pairing_by_channel ON peer_pairing (platform, tenant, channel_id);
CREATE INDEX peer_pairing_by_place ON peer_pairing (platform, tenant, place_channel);

-- One question of a pairing: who asks, who answers, the answer typed (if any) with the coach's
-- score, the talking points the interviewer marked covered, and the interviewer's 1-5.
CREATE TABLE peer_turn (
    pairing_id   VARCHAR(64)  NOT NULL,
    turn         INTEGER      NOT NULL,
    platform     VARCHAR(16)  NOT NULL,
    tenant       VARCHAR(128) NOT NULL,
    interviewer  VARCHAR(128) NOT NULL,
    candidate    VARCHAR(128) NOT NULL,
    question_id  VARCHAR(128) NOT NULL,
    answer_text  TEXT,
    coach_score  INTEGER,
    covered      VARCHAR(512) NOT NULL,
    peer_score   INTEGER,
    scored_at    BIGINT,
    PRIMARY KEY (pairing_id, turn)
);
