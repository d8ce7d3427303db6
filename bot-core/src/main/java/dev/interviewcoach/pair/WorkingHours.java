package dev.interviewcoach.pair;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/** When a person is usually free for a peer interview: a span of the local day on weekdays, in their zone. */
public record WorkingHours(ZoneId zone, LocalTime start, LocalTime end) {

    /** The hours assumed for everyone: 09:00 to 18:00 local time, Monday to Friday. */
    public static final LocalTime DAY_STARTS = LocalTime.of(9, 0);
    public static final LocalTime DAY_ENDS = LocalTime.of(18, 0);

    public WorkingHours {
        Objects.requireNonNull(zone, "zone");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("working hours end after they start: " + start + "-" + end);
        }
    }

    public static WorkingHours standard(ZoneId zone) {
        return new WorkingHours(zone, DAY_STARTS, DAY_ENDS);
    }

    /** The same hours in another zone. */
    public WorkingHours in(ZoneId other) {
        return new WorkingHours(other, start, end);
    }

    /** "09:00-18:00 on weekdays, Europe/Berlin". */
    public String describe() {
        return start + "-" + end + " on weekdays, " + zone.getId();
    }

    /**
     * How long both people work at the same time in the week of {@code date}: the longest overlap
     * of one of this person's weekdays near it with one of the other's (a day apart counts, so
     * Tokyo's Tuesday morning meets Los Angeles's Monday evening).
     */
    public Duration overlap(WorkingHours other, LocalDate date) {
        LocalDate day = weekday(date);
        Duration best = Duration.ZERO;
        for (int mine = -1; mine <= 1; mine++) {
            for (int shift = -1; shift <= 1; shift++) {
                LocalDate ours = day.plusDays(mine);
                LocalDate theirs = day.plusDays(shift);
                if (isWeekend(ours) || isWeekend(theirs)) {
                    continue;
                }
                Instant from = max(at(ours, start), other.at(theirs, other.start));
                Instant to = min(at(ours, end), other.at(theirs, other.end));
                if (to.isAfter(from) && Duration.between(from, to).compareTo(best) > 0) {
                    best = Duration.between(from, to);
                }
            }
        }
        return best;
    }

    private Instant at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, zone).toInstant();
    }

    /** The date itself when a weekday, else the Monday after. */
    private static LocalDate weekday(LocalDate date) {
        LocalDate day = date;
        while (isWeekend(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
