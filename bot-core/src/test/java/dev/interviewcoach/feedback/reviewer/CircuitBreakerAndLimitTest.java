package dev.interviewcoach.feedback.reviewer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.MovingClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The breaker and the per-workspace allowance on a clock the test moves. */
class CircuitBreakerAndLimitTest {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-03T09:00:00Z"));

    @Test
    void theBreakerOpensAfterFailuresInARowLetsOneTrialThroughLaterAndClosesOnSuccess() {
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(30), clock);
        breaker.failure();
        breaker.failure();
        breaker.success();
        breaker.failure();
        breaker.failure();
        assertThat(breaker.allow()).as("a success in between starts the count again").isTrue();
        breaker.failure();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.allow()).isFalse();
        clock.advance(Duration.ofSeconds(31));
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.allow()).as("one trial").isTrue();
        assertThat(breaker.allow()).as("only one").isFalse();
        breaker.failure();
        assertThat(breaker.state()).as("a failed trial opens it again").isEqualTo(CircuitBreaker.State.OPEN);
        clock.advance(Duration.ofSeconds(31));
        assertThat(breaker.allow()).isTrue();
        breaker.success();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.allow()).isTrue();
        assertThat(breaker.allow()).isTrue();
    }

    @Test
    void eachWorkspaceHasItsOwnAllowanceRefilledOverTheMinute() {
        WorkspaceRateLimit limit = new WorkspaceRateLimit(3, clock);
        assertThat(limit.tryAcquire("slack:T1")).isTrue();
        assertThat(limit.tryAcquire("slack:T1")).isTrue();
        assertThat(limit.tryAcquire("slack:T1")).isTrue();
        assertThat(limit.tryAcquire("slack:T1")).isFalse();
        assertThat(limit.tryAcquire("discord:G1")).isTrue();
        clock.advance(Duration.ofSeconds(20));
        assertThat(limit.tryAcquire("slack:T1")).as("one back every 20 s").isTrue();
        assertThat(limit.tryAcquire("slack:T1")).isFalse();
        WorkspaceRateLimit none = new WorkspaceRateLimit(0, clock);
        for (int i = 0; i < 1000; i++) {
            assertThat(none.tryAcquire("slack:T1")).isTrue();
        }
    }
}
