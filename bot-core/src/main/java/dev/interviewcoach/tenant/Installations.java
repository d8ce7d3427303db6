package dev.interviewcoach.tenant;

import dev.interviewcoach.chat.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The workspaces the coach is installed in, as an operator sees them (table chat_installation from
 * V15__installations.sql): who installed it, when, with which scopes; never the tokens. Removing one
 * does what an uninstall does: the installation goes, its schedules stop, and its data is deleted
 * after the grace period unless it installs the coach again.
 */
public final class Installations {

    /** One installation; {@code enterpriseId} is empty outside Enterprise Grid. */
    public record Installation(Platform platform, String enterpriseId, String teamId, Instant installedAt,
                               Optional<String> installedBy, List<String> scopes) {}

    private final Jdbi jdbi;
    private final TenantLifecycle lifecycle;

    public Installations(Jdbi jdbi, TenantLifecycle lifecycle) {
        this.jdbi = jdbi;
        this.lifecycle = lifecycle;
    }

    /** Every installation, newest first. */
    public List<Installation> all() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT platform, enterprise_id, team_id, installed_at, installer_user_id, bot_scopes
                          FROM chat_installation ORDER BY installed_at DESC, team_id
                        """)
                .map((rs, ctx) -> new Installation(Platform.valueOf(rs.getString("platform")), rs.getString("enterprise_id"),
                        rs.getString("team_id"), Instant.ofEpochMilli(rs.getLong("installed_at")),
                        Optional.ofNullable(rs.getString("installer_user_id")).filter(s -> !s.isBlank()),
                        rs.getString("bot_scopes") == null || rs.getString("bot_scopes").isBlank() ? List.of()
                                : List.of(rs.getString("bot_scopes").split(","))))
                .list());
    }

    /**
     * How many workspaces (Slack teams, Discord servers) had an answer scored since {@code since},
     * in a mock interview or to a question of the day: the workspaces in active use.
     */
    public int activeSince(Instant since) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM (
                            SELECT s.platform, s.tenant FROM mock_answer a JOIN mock_session s ON s.id = a.session_id
                             WHERE a.answered_at >= :since
                            UNION
                            SELECT platform, tenant FROM daily_answer WHERE answered_at >= :since
                        ) active
                        """)
                .bind("since", since.toEpochMilli()).mapTo(Integer.class).one());
    }

    public int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM chat_installation").mapTo(Integer.class).one());
    }

    /**
     * Removes the installations of a team (every enterprise it appears under), as an uninstall
     * would; false when there was none.
     */
    public boolean remove(Platform platform, String teamId, Instant now) {
        int removed = jdbi.withHandle(h -> h.createUpdate("DELETE FROM chat_installation WHERE platform = :platform"
                        + " AND team_id = :team")
                .bind("platform", platform.name()).bind("team", teamId).execute());
        if (removed > 0) {
            lifecycle.removed(platform, teamId, now);
        }
        return removed > 0;
    }
}
