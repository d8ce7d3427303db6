package dev.interviewcoach.daily;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a channel's question of the day is due: a local time on chosen weekdays in the channel's
 * time zone. Computed with the zone's rules, so 09:00 in Berlin is 08:00 UTC in winter and
 * 07:00 UTC in summer; on the day clocks spring forward past the chosen time, the post goes out
 * at the first valid moment after the gap, and on the day they fall back, at the first of the
 * two 09:00s. Each post belongs to one local date, which is what makes it exactly-once.
 */
public record PostTimes(LocalTime at, ZoneId zone, Set<DayOfWeek> days) {

    public PostTimes {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(zone, "zone");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("choose at least one day");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    /** The moment of the post for a local date, or empty when that day is not chosen. */
    public Optional<Instant> on(LocalDate date) {
        if (!days.contains(date.getDayOfWeek())) {
            return Optional.empty();
        }
        // ZonedDateTime.of resolves a gap by moving forward and an overlap to the earlier offset.
        return Optional.of(ZonedDateTime.of(date, at, zone).toInstant());
    }

    /** The first post strictly after {@code now}, with the local date it is for. */
    public Due next(Instant now) {
        LocalDate date = now.atZone(zone).toLocalDate();
        for (int i = 0; i < 8; i++) {
            LocalDate candidate = date.plusDays(i);
            Optional<Instant> at = on(candidate);
            if (at.isPresent() && at.get().isAfter(now)) {
                return new Due(candidate, at.get());
            }
        }
        throw new IllegalStateException("no chosen day within a week; days: " + days);
    }

    /**
     * The post that should go out now, if any: the latest due moment at or before {@code now}
     * that is no older than {@code grace} (a bot that was down catches up within the grace
     * window, and skips a post older than that).
     */
    public Optional<Due> catchUp(Instant now, Duration grace) {
        LocalDate today = now.atZone(zone).toLocalDate();
        for (int i = 0; i < 8; i++) {
            LocalDate candidate = today.minusDays(i);
            Optional<Instant> at = on(candidate);
            if (at.isPresent() && !at.get().isAfter(now)) {
                return Duration.between(at.get(), now).compareTo(grace) <= 0
                        ? Optional.of(new Due(candidate, at.get())) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** A post: the channel's local date it is for, and the moment it is due. */
    public record Due(LocalDate localDate, Instant at) {}
}
