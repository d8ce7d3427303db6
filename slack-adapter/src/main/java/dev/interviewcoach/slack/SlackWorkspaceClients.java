package dev.interviewcoach.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.Slack;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.methods.MethodsClient;
import com.slack.api.token_rotation.RefreshedToken;
import com.slack.api.token_rotation.TokenRotationException;
import com.slack.api.token_rotation.TokenRotator;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Web API client of each installed workspace, with its own bot token, cached for a minute (so
 * another instance's uninstall or token rotation is seen soon) and dropped at once on an uninstall
 * or reinstall here. With token rotation on, a token within two hours of expiry is refreshed first
 * and the new pair saved.
 */
final class SlackWorkspaceClients implements SlackChatPort.Clients {

    private static final Logger log = LoggerFactory.getLogger(SlackWorkspaceClients.class);
    private static final Duration CACHED = Duration.ofMinutes(1);

    private final Slack slack;
    private final SlackInstallations installations;
    private final TokenRotator rotator;
    private final Cache<String, MethodsClient> clients = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(CACHED).build();

    SlackWorkspaceClients(Slack slack, SlackInstallations installations, String clientId, String clientSecret) {
        this.slack = slack;
        this.installations = installations;
        this.rotator = new TokenRotator(SharedGsonMethodsClient.of(slack, null),
                TokenRotator.DEFAULT_MILLISECONDS_BEFORE_EXPIRATION, clientId, clientSecret);
    }

    @Override
    public MethodsClient forTeam(String team) {
        MethodsClient client = clients.get(team == null ? "" : team, this::load);
        if (client == null) {
            throw new SlackChatPort.SlackCallFailed("the coach is not installed in Slack workspace " + team,
                    "not_installed");
        }
        return client;
    }

    /** Forgets the workspace's client: after an uninstall, a reinstall or a new token. */
    void invalidate(String team) {
        clients.invalidate(team == null ? "" : team);
    }

    @Override
    public void tokenExpired(String team) {
        log.info("Slack said the token of workspace {} expired; it is loaded (and rotated) again", team);
        invalidate(team);
    }

    private MethodsClient load(String team) {
        Optional<SlackInstallations.Installation> found = installations.forTeam(team);
        if (found.isEmpty()) {
            return null; // not cached: an install a moment later is seen on the next call
        }
        SlackInstallations.Installation i = found.get();
        String token = i.botToken();
        if (i.refreshToken().isPresent() && i.expiresAt().isPresent()) {
            token = rotated(i).orElse(token);
        }
        return SharedGsonMethodsClient.of(slack, token);
    }

    private Optional<String> rotated(SlackInstallations.Installation i) {
        try {
            Optional<RefreshedToken> fresh = rotator.performTokenRotation(r -> r.accessToken(i.botToken())
                    .refreshToken(i.refreshToken().orElseThrow()).expiresAt(i.expiresAt().orElseThrow()));
            if (fresh.isEmpty()) {
                return Optional.empty();
            }
            DefaultBot bot = new DefaultBot();
            bot.setEnterpriseId(i.enterpriseId().isEmpty() ? null : i.enterpriseId());
            bot.setTeamId(i.teamId());
            bot.setBotAccessToken(fresh.get().getAccessToken());
            bot.setBotRefreshToken(fresh.get().getRefreshToken());
            bot.setBotTokenExpiresAt(fresh.get().getExpiresAt());
            installations.saveBot(bot);
            log.info("Slack: rotated the bot token of workspace {}", i.teamId());
            return Optional.of(fresh.get().getAccessToken());
        } catch (TokenRotationException e) {
            // The message can quote Slack's answer, never the token; the old token is tried until it expires.
            log.warn("Slack: could not rotate the bot token of workspace {}: {}", i.teamId(), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
