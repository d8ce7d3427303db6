package dev.interviewcoach.feedback.reviewer;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the language-model reviewer sends answers and how patiently: an OpenAI-compatible base URL
 * ({@code POST {url}/v1/chat/completions}), the model, an optional API key, the time one review may
 * take in all (retries included), how many reviews one workspace may ask for a minute (0: no limit),
 * and the retry, circuit-breaker and cache bounds.
 */
public record ReviewerSettings(URI baseUrl, String model, Optional<String> apiKey, Duration timeout,
                               int perWorkspacePerMinute, int maxAttempts, Duration retryAfterCap,
                               int breakerFailures, Duration breakerOpenFor, int cacheSize) {

    /** Default time for one review, retries included. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(8);

    public ReviewerSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("a model name is needed");
        }
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("the reviewer URL must be http:// or https:// with a host, not '"
                    + where(baseUrl) + "'");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the reviewer timeout must be positive");
        }
        apiKey = apiKey.filter(k -> !k.isBlank());
    }

    /** The usual bounds: 3 attempts, a Retry-After honoured up to 2 s, 5 failures in a row open the circuit for 30 s, 2,000 reviews cached. */
    public static ReviewerSettings of(URI baseUrl, String model, Optional<String> apiKey, Duration timeout,
                                      int perWorkspacePerMinute) {
        return new ReviewerSettings(baseUrl, model, apiKey, timeout, perWorkspacePerMinute, 3, Duration.ofSeconds(2),
                5, Duration.ofSeconds(30), 2_000);
    }

    /** The same settings without the per-workspace limit (for {@code coach eval}, which asks for hundreds). */
    public ReviewerSettings unlimited() {
        return new ReviewerSettings(baseUrl, model, apiKey, timeout, 0, maxAttempts, retryAfterCap, breakerFailures,
                breakerOpenFor, cacheSize);
    }

    /** The chat-completions address: {@code {url}/v1/chat/completions}, or {@code {url}/chat/completions} when the URL ends in /v1. */
    public URI completionsUri() {
        String base = baseUrl.toString().replaceAll("/+$", "");
        int query = base.indexOf('?');
        String params = query >= 0 ? base.substring(query) : "";
        String path = query >= 0 ? base.substring(0, query).replaceAll("/+$", "") : base;
        return URI.create(path + (path.endsWith("/v1") ? "" : "/v1") + "/chat/completions" + params);
    }

    /** Where answers go, fit to show: scheme, host and port only (never a path, query or key). */
    public String where() {
        return where(baseUrl);
    }

    /** Whether answers stay on this machine (a loopback host), rather than leaving it. */
    public boolean loopback() {
        String host = baseUrl.getHost().toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    /** Azure OpenAI takes the key in an {@code api-key} header rather than as a bearer token. */
    boolean azure() {
        return baseUrl.getHost().toLowerCase(Locale.ROOT).endsWith(".azure.com");
    }

    private static String where(URI uri) {
        if (uri.getHost() == null) {
            return "(no host)";
        }
        return (uri.getScheme() == null ? "" : uri.getScheme() + "://") + uri.getHost()
                + (uri.getPort() >= 0 ? ":" + uri.getPort() : "");
    }

    @Override
    public String toString() {
        return "ReviewerSettings[" + where() + ", model=" + model + ", key=" + (apiKey.isPresent() ? "****" : "none")
                + ", timeout=" + timeout + "]";
    }
}
