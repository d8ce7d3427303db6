package dev.interviewcoach.digest;

import dev.interviewcoach.chat.Place;
import dev.interviewcoach.daily.PostTimes;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Objects;

/**
 * A cohort channel's weekly digest: whose answers it sums up ({@code cohort}), where it is posted
 * ({@code target}, often a leads' channel), and when (one weekday at a local time in a zone).
 */
public record Digest(Place cohort, Place target, PostTimes times, String createdBy, Instant createdAt) {

    public Digest {
        Objects.requireNonNull(cohort, "cohort");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(times, "times");
        if (cohort.kind() != Place.Kind.CHANNEL || target.kind() != Place.Kind.CHANNEL) {
            throw new IllegalArgumentException("a digest sums up a channel and goes to a channel");
        }
        if (times.days().size() != 1) {
            throw new IllegalArgumentException("a digest goes out on one weekday, not " + times.days());
        }
    }

    /** The weekday it goes out. */
    public DayOfWeek day() {
        return times.days().iterator().next();
    }
}
