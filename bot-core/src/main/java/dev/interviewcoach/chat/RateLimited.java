package dev.interviewcoach.chat;

import java.time.Duration;

/**
 * The platform asked the bot to wait longer than is worth waiting in line: the caller puts the
 * work aside until {@link #retryAfter()} has passed instead of holding a thread, a lane or a lock.
 */
public final class RateLimited extends RuntimeException {

    private final Duration retryAfter;

    public RateLimited(String what, Duration retryAfter) {
        super(what + " is rate-limited for " + retryAfter.toSeconds() + " s", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
