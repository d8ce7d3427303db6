package dev.interviewcoach.observe;

import dev.interviewcoach.chat.Platform;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import io.micrometer.core.instrument.Gauge;

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

    private static String name(Platform platform) {
        return platform.name().toLowerCase(Locale.ROOT);
    }
}
