package dev.interviewcoach.feedback.reviewer;

import java.time.Duration;

/** How asking the reviewer about one answer went. */
public sealed interface ReviewOutcome {

    /** {@code off}, {@code answered}, {@code timed-out} or {@code failed}. */
    String status();

    /** No reviewer is configured. */
    record Off() implements ReviewOutcome {
        @Override
        public String status() {
            return "off";
        }
    }

    /** The reviewer answered (or its earlier answer was in the cache); tokens are 0 on a cache hit. */
    record Answered(ModelReview review, String model, boolean cached, Duration took, long promptTokens,
                    long completionTokens) implements ReviewOutcome {
        @Override
        public String status() {
            return "answered";
        }
    }

    /** No answer within the time allowed. */
    record TimedOut(String model, Duration after) implements ReviewOutcome {
        @Override
        public String status() {
            return "timed-out";
        }
    }

    /** No usable answer: the endpoint failed, refused, replied out of schema, or the review was not asked for. */
    record Failed(String model, String reason) implements ReviewOutcome {
        @Override
        public String status() {
            return "failed";
        }
    }
}
