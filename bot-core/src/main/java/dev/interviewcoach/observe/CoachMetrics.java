package dev.interviewcoach.observe;

import dev.interviewcoach.chat.Platform;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import io.micrometer.core.instrument.Gauge;
import dev.interviewcoach.feedback.reviewer.ReviewerMetrics;
import dev.interviewcoach.store.WriteTurn;

/**
 * The coach's own measurements, named once here so every feature records them the same way:
 * events in, replies out, platform errors and rate limits, feedback time, sessions in progress,
 * questions of the day and the scheduler's lag.
 */
public final class CoachMetrics {

    private final MeterRegistry registry;
    private final Timer feedback;
    private final AtomicLong schedulerLagMillis = new AtomicLong();

    public CoachMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.feedback = Timer.builder("coach.feedback.duration").description("Time to score one answer")
                .publishPercentiles(0.5, 0.99).register(registry);
        registry.gauge("coach.scheduler.lag.seconds", schedulerLagMillis, lag -> lag.get() / 1000.0);
    }

    /** Measurements kept in memory and served to no one: for tests and tools that have no metrics endpoint. */
    public static CoachMetrics none() {
        return new CoachMetrics(new SimpleMeterRegistry());
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void eventIn(Platform platform, String kind) {
        Counter.builder("coach.events.in").description("Inbound events handled (first deliveries)")
                .tag("platform", name(platform)).tag("kind", kind).register(registry).increment();
    }

    public void duplicateEvent(Platform platform) {
        Counter.builder("coach.events.duplicate").description("Repeated deliveries dropped")
                .tag("platform", name(platform)).register(registry).increment();
    }

    public void replyOut(Platform platform) {
        Counter.builder("coach.replies.out").description("Messages posted or updated on a platform")
                .tag("platform", name(platform)).register(registry).increment();
    }

    /**
     * A call straight to the platform made by an event's work after it began writing: its transaction (on SQLite,
     * the process's one write turn) stays open for the round trip. Zero in every flow the coach has.
     */
    public void platformCallWhileWriting(Platform platform, String call) {
        Counter.builder("coach.platform.calls.while.writing")
                .description("Platform calls an event made while holding its open transaction")
                .tag("platform", name(platform)).tag("call", call).register(registry).increment();
    }

    /** A platform call that failed: {@code refused} (permissions, closed DMs) or {@code failed}. */
    public void platformError(Platform platform, String kind) {
        Counter.builder("coach.platform.errors").description("Platform API calls that failed")
                .tag("platform", name(platform)).tag("kind", kind).register(registry).increment();
    }

    /** A 429 from a platform, waited out before retrying. */
    public void rateLimited(Platform platform) {
        Counter.builder("coach.platform.rate.limited").description("Platform API calls answered with 429")
                .tag("platform", name(platform)).register(registry).increment();
    }

    public Timer feedbackTimer() {
        return feedback;
    }

    /**
     * The language-model reviewer's measurements: {@code coach_reviewer_calls_total{outcome}} with
     * {@code coach_reviewer_latency_seconds}, {@code coach_reviewer_cache_hits_total},
     * {@code coach_reviewer_skipped_total{reason}} and {@code coach_reviewer_tokens_total{kind}}.
     */
    public ReviewerMetrics reviewer() {
        return new ReviewerMetrics() {
            @Override
            public void call(String outcome, Duration took) {
                Counter.builder("coach.reviewer.calls").description("Calls to the language-model reviewer by outcome")
                        .tag("outcome", outcome).register(registry).increment();
                Timer.builder("coach.reviewer.latency").description("Time a reviewer call took, retries included")
                        .publishPercentiles(0.5, 0.99).register(registry).record(took);
            }

            @Override
            public void cacheHit() {
                Counter.builder("coach.reviewer.cache.hits").description("Reviews served from the cache, costing no call")
                        .register(registry).increment();
            }

            @Override
            public void skipped(String why) {
                Counter.builder("coach.reviewer.skipped").description("Reviews not asked for (workspace limit, circuit open)")
                        .tag("reason", why).register(registry).increment();
            }

            @Override
            public void tokens(long prompt, long completion) {
                Counter.builder("coach.reviewer.tokens").description("Tokens the reviewer endpoint reported")
                        .tag("kind", "prompt").register(registry).increment(prompt);
                Counter.builder("coach.reviewer.tokens").description("Tokens the reviewer endpoint reported")
                        .tag("kind", "completion").register(registry).increment(completion);
            }
        };
    }

    /** {@code posted}, {@code failed} (the platform refused; retried later) or {@code missed} (past the grace window). */
    public void dailyPost(String outcome) {
        Counter.builder("coach.daily.posts").description("Questions of the day by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }

    public void schedulerLag(Duration lag) {
        schedulerLagMillis.set(Math.max(0, lag.toMillis()));
    }

    /** A gauge read when scraped, such as interviews in progress. */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    /**
     * On SQLite, the turn the process's writers take: turns, the seconds writers waited for it and the seconds it
     * was held (a rate near 1 means writes are what bounds the process), and the writers waiting now.
     */
    public void writeTurn(WriteTurn turn) {
        FunctionCounter.builder("coach.sqlite.write.turns", turn, WriteTurn::turns)
                .description("Turns taken for SQLite's one writer at a time").register(registry);
        FunctionCounter.builder("coach.sqlite.write.turn.waited", turn, WriteTurn::secondsWaited).baseUnit("seconds")
                .description("Time writers waited for SQLite's write turn, all of them together").register(registry);
        FunctionCounter.builder("coach.sqlite.write.turn.held", turn, WriteTurn::secondsHeld).baseUnit("seconds")
                .description("Time SQLite's write turn was held; per second, the share of the time it was taken")
                .register(registry);
        Gauge.builder("coach.sqlite.write.turn.waiting", turn, WriteTurn::waiting)
                .description("Writers waiting for SQLite's write turn now").register(registry);
    }

    private static String name(Platform platform) {
        return platform.name().toLowerCase(Locale.ROOT);
    }
}
