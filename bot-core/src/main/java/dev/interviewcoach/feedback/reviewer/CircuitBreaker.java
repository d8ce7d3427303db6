package dev.interviewcoach.feedback.reviewer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling an endpoint that keeps failing: after {@code threshold} failures in a row it opens
 * for {@code openFor}, when every call is refused at once; then one trial call is let through
 * (half-open), and its outcome closes the circuit or opens it again.
 */
public final class CircuitBreaker {

    /** Where the breaker stands. */
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private int failures;
    private Instant openedAt;
    private boolean trialOut;

    public CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a call may go now; in half-open state only one caller gets a yes until it reports back. */
    public synchronized boolean allow() {
        if (openedAt == null) {
            return true;
        }
        if (clock.instant().isBefore(openedAt.plus(openFor)) || trialOut) {
            return false;
        }
        trialOut = true;
        return true;
    }

    public synchronized void success() {
        failures = 0;
        openedAt = null;
        trialOut = false;
    }

    public synchronized void failure() {
        failures++;
        if (trialOut || failures >= threshold) {
            openedAt = clock.instant();
            trialOut = false;
        }
    }

    public synchronized State state() {
        if (openedAt == null) {
            return State.CLOSED;
        }
        return clock.instant().isBefore(openedAt.plus(openFor)) ? State.OPEN : State.HALF_OPEN;
    }
}
