-- Multi-workspace installs (Slack OAuth) and what happens when a workspace removes the coach.
-- Written for both SQLite and PostgreSQL. Times are epoch milliseconds, as elsewhere.

-- One row per installed workspace. The key is Slack's (enterprise id, team id); a workspace
-- outside Enterprise Grid has enterprise_id '', an org-wide install team_id ''. Tokens are stored
-- only encrypted (AES-GCM, "v1:" + base64 of nonce and ciphertext), never in clear.
CREATE TABLE chat_installation (
    platform          VARCHAR(16)  NOT NULL,
    enterprise_id     VARCHAR(64)  NOT NULL,
    team_id           VARCHAR(64)  NOT NULL,
    app_id            VARCHAR(64),
    bot_id            VARCHAR(64),
    bot_user_id       VARCHAR(64),
    bot_scopes        VARCHAR(1024),
    bot_token         VARCHAR(1024) NOT NULL,
    bot_refresh_token VARCHAR(1024),
    bot_expires_at    BIGINT,
    installer_user_id VARCHAR(64),
    enterprise_install INTEGER     NOT NULL,
    installed_at      BIGINT       NOT NULL,
    PRIMARY KEY (platform, enterprise_id, team_id)
);

CREATE INDEX chat_installation_team ON chat_installation (platform, team_id);

-- The state parameter of an install in progress: issued by the install page, used once.
CREATE TABLE oauth_state (
    state       VARCHAR(128) PRIMARY KEY,
    expires_at  BIGINT       NOT NULL
);

-- A workspace (tenant) that removed the coach: its schedules stop at once, and its people's data
-- is deleted once the grace period after removed_at has passed, unless it installs the coach again.
CREATE TABLE tenant_removed (
    platform    VARCHAR(16)  NOT NULL,
    tenant      VARCHAR(128) NOT NULL,
    removed_at  BIGINT       NOT NULL,
    PRIMARY KEY (platform, tenant)
);
