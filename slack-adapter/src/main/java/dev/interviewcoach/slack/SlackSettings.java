package dev.interviewcoach.slack;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to reach Slack. With one workspace the bot token is needed; with {@code oauth} (many
 * workspaces, each installing the coach through Slack's OAuth) there is none, and each workspace's
 * token comes from its installation. HTTP mode needs the signing secret, Socket Mode the app-level
 * token ({@code xapp-...}). {@code apiUrl} points the Web API elsewhere (tests, or a Slack
 * deployment with another API host). {@code admins} are user ids that may manage the bot in any
 * channel besides the workspace's own admins and owners.
 */
public record SlackSettings(String botToken, Optional<String> signingSecret, Optional<String> appToken,
                            Optional<String> apiUrl, String host, int port, String path, Set<String> admins,
                            Optional<OAuth> oauth) {

    /**
     * The OAuth install: the app's client id and secret, the bot scopes to ask for, the redirect URL
     * registered with Slack (when empty, Slack uses the app's only one), and the two paths served.
     */
    public record OAuth(String clientId, String clientSecret, List<String> scopes, Optional<String> redirectUri,
                        String installPath, String redirectPath) {
        public OAuth {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(clientSecret, "clientSecret");
            scopes = List.copyOf(scopes);
        }

        /** The default paths, {@code /slack/install} and {@code /slack/oauth_redirect}. */
        public OAuth(String clientId, String clientSecret, List<String> scopes, Optional<String> redirectUri) {
            this(clientId, clientSecret, scopes, redirectUri, "/slack/install", "/slack/oauth_redirect");
        }

        @Override
        public String toString() {
            return "OAuth[clientId=" + clientId + ", secret=****, scopes=" + scopes + "]";
        }
    }

    public SlackSettings {
        if (oauth.isPresent()) {
            if (signingSecret.isEmpty() || appToken.isPresent()) {
                throw new IllegalArgumentException("the OAuth install needs HTTP mode: SLACK_SIGNING_SECRET, and no"
                        + " SLACK_APP_TOKEN");
            }
        } else {
            Objects.requireNonNull(botToken, "botToken");
        }
        if (appToken.isEmpty() && signingSecret.isEmpty()) {
            throw new IllegalArgumentException("Slack needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)");
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("slack.path must start with '/': " + path);
        }
        admins = Set.copyOf(admins);
    }

    /** One workspace, one bot token. */
    public SlackSettings(String botToken, Optional<String> signingSecret, Optional<String> appToken,
                         Optional<String> apiUrl, String host, int port, String path, Set<String> admins) {
        this(botToken, signingSecret, appToken, apiUrl, host, port, path, admins, Optional.empty());
    }

    /** Settings with no extra admins: only the workspace's admins and owners manage the bot. */
    public SlackSettings(String botToken, Optional<String> signingSecret, Optional<String> appToken,
                         Optional<String> apiUrl, String host, int port, String path) {
        this(botToken, signingSecret, appToken, apiUrl, host, port, path, Set.of());
    }

    public boolean socketMode() {
        return appToken.isPresent();
    }

    @Override
    public String toString() {
        return "SlackSettings[" + (oauth.isPresent() ? "oauth" : "single workspace") + ", " + (socketMode() ? "socket mode"
                : "http " + host + ":" + port + path) + "]";
    }
}
