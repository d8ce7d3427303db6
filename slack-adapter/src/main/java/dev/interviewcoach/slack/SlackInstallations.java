package dev.interviewcoach.slack;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import dev.interviewcoach.store.SecretBox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's installations kept in the coach's database (table {@code chat_installation}), so every
 * instance sees every workspace. The key is Slack's (enterprise id, team id): a workspace outside
 * Enterprise Grid has no enterprise id, an org-wide install no team id. Bot tokens (and refresh
 * tokens, with token rotation) are stored sealed by a {@link SecretBox}; no token is ever logged.
 */
public final class SlackInstallations implements InstallationService {

    private static final Logger log = LoggerFactory.getLogger(SlackInstallations.class);
    private static final String PLATFORM = "SLACK";

    private final Jdbi jdbi;
    private final SecretBox box;
    private final Clock clock;
    private final Consumer<String> installed;

    /**
     * @param installed told the team id of each workspace that installs the coach (again), after the row
     *                  is saved: to resume its schedules and drop cached clients
     */
    public SlackInstallations(Jdbi jdbi, SecretBox box, Clock clock, Consumer<String> installed) {
        this.jdbi = jdbi;
        this.box = box;
        this.clock = clock;
        this.installed = installed;
    }

    /** A workspace's bot as stored: its ids and its tokens in clear, for this process only. */
    public record Installation(String enterpriseId, String teamId, String botUserId, String botToken,
                               Optional<String> refreshToken, Optional<Long> expiresAt) {
        @Override
        public String toString() {
            return "Installation[" + enterpriseId + "/" + teamId + ", bot " + botUserId + ", token ****]";
        }
    }

    private static String key(String id) {
        return id == null ? "" : id;
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean enabled) {
        if (enabled) {
            throw new UnsupportedOperationException("the coach keeps the latest installation of each workspace only");
        }
    }

    @Override
    public void saveInstallerAndBot(Installer i) {
        if (i.getBotAccessToken() == null) {
            throw new IllegalArgumentException("an install without a bot token: the app must ask for bot scopes");
        }
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO chat_installation (platform, enterprise_id, team_id, app_id, bot_id, bot_user_id,
                            bot_scopes, bot_token, bot_refresh_token, bot_expires_at, installer_user_id,
                            enterprise_install, installed_at)
                        VALUES (:platform, :enterprise, :team, :app, :botId, :botUser, :scopes, :token, :refresh, :expires,
                            :installer, :enterpriseInstall, :at)
                        ON CONFLICT (platform, enterprise_id, team_id) DO UPDATE SET app_id = excluded.app_id,
                            bot_id = excluded.bot_id, bot_user_id = excluded.bot_user_id, bot_scopes = excluded.bot_scopes,
                            bot_token = excluded.bot_token, bot_refresh_token = excluded.bot_refresh_token,
                            bot_expires_at = excluded.bot_expires_at, installer_user_id = excluded.installer_user_id,
                            enterprise_install = excluded.enterprise_install, installed_at = excluded.installed_at
                        """)
                .bind("platform", PLATFORM).bind("enterprise", key(i.getEnterpriseId())).bind("team", key(i.getTeamId()))
                .bind("app", i.getAppId()).bind("botId", i.getBotId()).bind("botUser", i.getBotUserId())
                .bind("scopes", i.getBotScope())
                .bind("token", box.seal(i.getBotAccessToken()))
                .bind("refresh", i.getBotRefreshToken() == null ? null : box.seal(i.getBotRefreshToken()))
                .bind("expires", i.getBotTokenExpiresAt())
                .bind("installer", i.getInstallerUserId())
                .bind("enterpriseInstall", Boolean.TRUE.equals(i.getIsEnterpriseInstall()) ? 1 : 0)
                .bind("at", clock.millis())
                .execute());
        log.info("Slack: installed in workspace {}{} by {}", key(i.getTeamId()),
                i.getEnterpriseId() == null ? "" : " (enterprise " + i.getEnterpriseId() + ")", i.getInstallerUserId());
        installed.accept(key(i.getTeamId()));
    }

    /** Saves a bot's rotated tokens. */
    @Override
    public void saveBot(Bot bot) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE chat_installation SET bot_token = :token, bot_refresh_token = :refresh, bot_expires_at = :expires
                        WHERE platform = :platform AND enterprise_id = :enterprise AND team_id = :team
                        """)
                .bind("platform", PLATFORM).bind("enterprise", key(bot.getEnterpriseId())).bind("team", key(bot.getTeamId()))
                .bind("token", box.seal(bot.getBotAccessToken()))
                .bind("refresh", bot.getBotRefreshToken() == null ? null : box.seal(bot.getBotRefreshToken()))
                .bind("expires", bot.getBotTokenExpiresAt())
                .execute());
    }

    @Override
    public void deleteBot(Bot bot) {
        deleteAll(bot.getEnterpriseId(), bot.getTeamId());
    }

    @Override
    public void deleteInstaller(Installer installer) {
        deleteAll(installer.getEnterpriseId(), installer.getTeamId());
    }

    /** Removes a workspace's (or an org-wide) installation; true when there was one. */
    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        remove(enterpriseId, teamId);
    }

    /** Removes a workspace's installation; true when there was one. */
    public boolean remove(String enterpriseId, String teamId) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM chat_installation WHERE platform = :platform AND enterprise_id = :enterprise AND team_id = :team
                        """)
                .bind("platform", PLATFORM).bind("enterprise", key(enterpriseId)).bind("team", key(teamId)).execute()) > 0;
    }

    /** The workspace's bot; in Enterprise Grid, an org-wide install when the workspace has none of its own. */
    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        return find(enterpriseId, teamId).map(SlackInstallations::bot).orElse(null);
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        return find(enterpriseId, teamId).map(SlackInstallations::installer).orElse(null);
    }

    /** The installation for (enterprise, team), falling back to the enterprise's org-wide one. */
    public Optional<Installation> find(String enterpriseId, String teamId) {
        Optional<Installation> own = row(key(enterpriseId), key(teamId));
        return own.isPresent() || enterpriseId == null ? own : row(enterpriseId, "");
    }

    /** The installation serving a workspace by its team id alone (what a place or person carries). */
    public Optional<Installation> forTeam(String teamId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM chat_installation WHERE platform = :platform AND team_id = :team
                        ORDER BY installed_at DESC
                        """)
                .bind("platform", PLATFORM).bind("team", key(teamId))
                .map((rs, ctx) -> read(rs)).findFirst());
    }

    private Optional<Installation> row(String enterpriseId, String teamId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM chat_installation WHERE platform = :platform AND enterprise_id = :enterprise
                        AND team_id = :team
                        """)
                .bind("platform", PLATFORM).bind("enterprise", enterpriseId).bind("team", teamId)
                .map((rs, ctx) -> read(rs)).findFirst());
    }

    private Installation read(ResultSet rs) throws SQLException {
        String refresh = rs.getString("bot_refresh_token");
        long expires = rs.getLong("bot_expires_at");
        boolean noExpiry = rs.wasNull();
        return new Installation(rs.getString("enterprise_id"), rs.getString("team_id"), rs.getString("bot_user_id"),
                box.open(rs.getString("bot_token")).secret(),
                refresh == null ? Optional.empty() : Optional.of(box.open(refresh).secret()),
                noExpiry ? Optional.empty() : Optional.of(expires));
    }

    /**
     * Seals again with the current key every token the previous key sealed (after a key rotation);
     * returns how many installations it rewrote. A token neither key opens stops start-up.
     */
    public int resealWithCurrentKey() {
        record Sealed(String enterprise, String team, String token, String refresh) {}
        List<Sealed> rows = jdbi.withHandle(h -> h.createQuery(
                        "SELECT enterprise_id, team_id, bot_token, bot_refresh_token FROM chat_installation WHERE platform = :p")
                .bind("p", PLATFORM)
                .map((rs, ctx) -> new Sealed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4))).list());
        int rewritten = 0;
        for (Sealed s : rows) {
            SecretBox.Opened token = box.open(s.token());
            Optional<SecretBox.Opened> refresh = Optional.ofNullable(s.refresh()).map(box::open);
            if (!token.withPreviousKey() && refresh.map(r -> !r.withPreviousKey()).orElse(true)) {
                continue;
            }
            jdbi.useHandle(h -> h.createUpdate("""
                            UPDATE chat_installation SET bot_token = :token, bot_refresh_token = :refresh
                            WHERE platform = :p AND enterprise_id = :e AND team_id = :t
                            """)
                    .bind("token", box.seal(token.secret()))
                    .bind("refresh", refresh.map(r -> box.seal(r.secret())).orElse(null))
                    .bind("p", PLATFORM).bind("e", s.enterprise()).bind("t", s.team()).execute());
            rewritten++;
        }
        if (rewritten > 0) {
            log.info("Slack: re-encrypted the tokens of {} installation(s) with the current COACH_SECRET_KEY", rewritten);
        }
        return rewritten;
    }

    private static DefaultBot bot(Installation i) {
        DefaultBot bot = new DefaultBot();
        bot.setEnterpriseId(i.enterpriseId().isEmpty() ? null : i.enterpriseId());
        bot.setTeamId(i.teamId().isEmpty() ? null : i.teamId());
        bot.setBotUserId(i.botUserId());
        bot.setBotAccessToken(i.botToken());
        bot.setBotRefreshToken(i.refreshToken().orElse(null));
        bot.setBotTokenExpiresAt(i.expiresAt().orElse(null));
        bot.setIsEnterpriseInstall(i.teamId().isEmpty());
        return bot;
    }

    private static Installer installer(Installation i) {
        DefaultInstaller installer = new DefaultInstaller();
        installer.setEnterpriseId(i.enterpriseId().isEmpty() ? null : i.enterpriseId());
        installer.setTeamId(i.teamId().isEmpty() ? null : i.teamId());
        installer.setBotUserId(i.botUserId());
        installer.setBotAccessToken(i.botToken());
        installer.setBotRefreshToken(i.refreshToken().orElse(null));
        installer.setBotTokenExpiresAt(i.expiresAt().orElse(null));
        installer.setIsEnterpriseInstall(i.teamId().isEmpty());
        return installer;
    }
}
