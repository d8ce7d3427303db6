package dev.interviewcoach.feedback.reviewer;

import java.time.Duration;

/** What the reviewer reports about itself: calls by outcome with their time, cache hits, skipped reviews, tokens. */
public interface ReviewerMetrics {

    /** One call to the endpoint finished: {@code answered}, {@code timed-out}, {@code failed} or {@code malformed}. */
    void call(String outcome, Duration took);

    /** A review served from the cache, costing no call. */
    void cacheHit();

    /** A review not asked for: {@code workspace-limit} or {@code circuit-open}. */
    void skipped(String why);

    /** Tokens the endpoint reported in {@code usage}. */
    void tokens(long prompt, long completion);

    /** Records nothing. */
    static ReviewerMetrics none() {
        return new ReviewerMetrics() {
            @Override
            public void call(String outcome, Duration took) {
            }

            @Override
            public void cacheHit() {
            }

            @Override
            public void skipped(String why) {
            }

            @Override
            public void tokens(long prompt, long completion) {
            }
        };
    }
}
