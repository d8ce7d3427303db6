package dev.interviewcoach.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;

/**
 * Drops Slack's re-deliveries cheaply: Slack retries an event it thinks was not acknowledged, up
 * to three times within minutes. This in-memory set answers the common case at once; the
 * engine's database record of handled events answers it across restarts and instances.
 */
final class EventDeduplicator {

    private final Cache<String, Boolean> seen = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofMinutes(30))
            .build();

    /** True the first time an id is offered. */
    boolean firstTime(String id) {
        return seen.asMap().putIfAbsent(id, Boolean.TRUE) == null;
    }

    /** Forgets an id, so its next delivery is taken (the first could not be queued). */
    void forget(String id) {
        seen.invalidate(id);
    }
}
