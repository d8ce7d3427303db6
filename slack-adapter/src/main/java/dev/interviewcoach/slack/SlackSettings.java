package dev.interviewcoach.slack;

import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Slack. The bot token is always needed; HTTP mode needs the signing secret, Socket
 * Mode the app-level token ({@code xapp-...}). {@code apiUrl} points the Web API elsewhere (tests,
 * or a Slack deployment with another API host).
 */
public record SlackSettings(String botToken, Optional<String> signingSecret, Optional<String> appToken,
                            Optional<String> apiUrl, String host, int port, String path) {

    public SlackSettings {
        Objects.requireNonNull(botToken, "botToken");
        if (appToken.isEmpty() && signingSecret.isEmpty()) {
            throw new IllegalArgumentException("Slack needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)");
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("slack.path must start with '/': " + path);
        }
    }

    public boolean socketMode() {
        return appToken.isPresent();
    }
}
