package dev.interviewcoach.slack;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to reach Slack. The bot token is always needed; HTTP mode needs the signing secret, Socket
 * Mode the app-level token ({@code xapp-...}). {@code apiUrl} points the Web API elsewhere (tests,
 * or a Slack deployment with another API host). {@code admins} are user ids that may manage the bot in
 * any channel besides the workspace's own admins and owners.
 */
public record SlackSettings(String botToken, Optional<String> signingSecret, Optional<String> appToken,
                            Optional<String> apiUrl, String host, int port, String path, Set<String> admins) {

    public SlackSettings {
        Objects.requireNonNull(botToken, "botToken");
        if (appToken.isEmpty() && signingSecret.isEmpty()) {
            throw new IllegalArgumentException("Slack needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)");
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("slack.path must start with '/': " + path);
        }
        admins = Set.copyOf(admins);
    }

    /** Settings with no extra admins: only the workspace's admins and owners manage the bot. */
    public SlackSettings(String botToken, Optional<String> signingSecret, Optional<String> appToken,
                         Optional<String> apiUrl, String host, int port, String path) {
        this(botToken, signingSecret, appToken, apiUrl, host, port, path, Set.of());
    }

    public boolean socketMode() {
        return appToken.isPresent();
    }
}
