-- Named leases shared by the coach's instances: one owner at a time, kept by renewing before
-- expires_at (epoch milliseconds); an instance that dies stops renewing, so another takes the
-- lease once it expires. Discord shards are leased this way. Written for both SQLite and PostgreSQL.
CREATE TABLE coach_lease (
    name       VARCHAR(128) NOT NULL PRIMARY KEY,
    owner      VARCHAR(128) NOT NULL,
    expires_at BIGINT       NOT NULL
);
