package dev.interviewcoach.testkit.discord;

import static dev.interviewcoach.testkit.discord.DiscordJson.JSON;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interviewcoach.testkit.StateMonitor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Rate limits and failures that tests queue for REST calls, answered instead of the call's real route. */
final class RestFaults {

    private final StateMonitor monitor;
    private final List<Throttle> throttles = new ArrayList<>();
    private final List<Failure> failures = new ArrayList<>();

    RestFaults(StateMonitor monitor) {
        this.monitor = monitor;
    }

    /** Rate-limits the next {@code times} calls of {@code method} whose path fully matches {@code pathRegex}. */
    void rateLimitNext(String method, String pathRegex, int times, double retryAfterSeconds) {
        if (times < 0 || retryAfterSeconds < 0) {
            throw new IllegalArgumentException("times and retryAfterSeconds must not be negative");
        }
        Throttle throttle = new Throttle(method.toUpperCase(Locale.ROOT), Pattern.compile(pathRegex), times,
                retryAfterSeconds);
        monitor.update(() -> throttles.add(throttle));
    }

    /** Fails the next call of {@code method} whose path fully matches {@code pathRegex}; repeated calls queue up. */
    void failNext(String method, String pathRegex, int status, int code, String message) {
        Failure failure = new Failure(method.toUpperCase(Locale.ROOT), Pattern.compile(pathRegex), status, code,
                message);
        monitor.update(() -> failures.add(failure));
    }

    /** A pending rate limit or failure for this call, consuming it; null when the call should be served. */
    RestReply take(String method, String path) {
        return monitor.updateAndGet(() -> {
            for (Throttle throttle : throttles) {
                if (throttle.remaining > 0 && throttle.method.equals(method)
                        && throttle.path.matcher(path).matches()) {
                    throttle.remaining--;
                    return rateLimited(throttle);
                }
            }
            for (int i = 0; i < failures.size(); i++) {
                Failure failure = failures.get(i);
                if (failure.method().equals(method) && failure.path().matcher(path).matches()) {
                    failures.remove(i);
                    return RestReply.error(failure.status(), failure.message(), failure.code());
                }
            }
            return null;
        });
    }

    /** Drops every pending rate limit and failure. */
    void clear() {
        monitor.update(() -> {
            throttles.clear();
            failures.clear();
        });
    }

    private static RestReply rateLimited(Throttle throttle) {
        double after = throttle.retryAfterSeconds;
        ObjectNode body = JSON.createObjectNode();
        body.put("message", "You are being rate limited.");
        body.put("retry_after", after);
        body.put("global", false);
        Map<String, String> headers = new LinkedHashMap<>();
        // Discord sends Retry-After in whole seconds (JDA parses it as a long) and the precise value elsewhere.
        headers.put("Retry-After", Long.toString((long) Math.ceil(after)));
        headers.put("X-RateLimit-Limit", "5");
        headers.put("X-RateLimit-Remaining", "0");
        headers.put("X-RateLimit-Reset", String.format(Locale.ROOT, "%.3f",
                System.currentTimeMillis() / 1000.0 + after));
        headers.put("X-RateLimit-Reset-After", String.format(Locale.ROOT, "%.3f", after));
        headers.put("X-RateLimit-Bucket",
                String.format(Locale.ROOT, "%08x", (throttle.method + throttle.path.pattern()).hashCode()));
        headers.put("X-RateLimit-Scope", "user");
        return new RestReply(429, body, headers);
    }

    /** Rate limits left for matching calls; counts down as they are answered. */
    private static final class Throttle {
        private final String method;
        private final Pattern path;
        private final double retryAfterSeconds;
        private int remaining;

        private Throttle(String method, Pattern path, int remaining, double retryAfterSeconds) {
            this.method = method;
            this.path = path;
            this.remaining = remaining;
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    private record Failure(String method, Pattern path, int status, int code, String message) {
    }
}
