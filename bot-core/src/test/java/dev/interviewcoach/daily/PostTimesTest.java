package dev.interviewcoach.daily;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Post times in real zones, across daylight-saving switches. */
class PostTimesTest {

    private static final EnumSet<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private static PostTimes at(String time, String zone) {
        return new PostTimes(LocalTime.parse(time), ZoneId.of(zone), WEEKDAYS);
    }

    @Test
    void nineInBerlinIsEightUtcInWinterAndSevenInSummerAcrossBothSwitches() {
        PostTimes berlin = at("09:00", "Europe/Berlin");
        assertThat(berlin.on(LocalDate.of(2026, 3, 27))).hasValue(Instant.parse("2026-03-27T08:00:00Z")); // Fri before
        assertThat(berlin.on(LocalDate.of(2026, 3, 30))).hasValue(Instant.parse("2026-03-30T07:00:00Z")); // Mon after
        assertThat(berlin.on(LocalDate.of(2026, 10, 23))).hasValue(Instant.parse("2026-10-23T07:00:00Z"));
        assertThat(berlin.on(LocalDate.of(2026, 10, 26))).hasValue(Instant.parse("2026-10-26T08:00:00Z"));
    }

    @Test
    void noPostOnWeekendsWhenWeekdaysAreChosen() {
        PostTimes berlin = at("09:00", "Europe/Berlin");
        assertThat(berlin.on(LocalDate.of(2026, 3, 28))).isEmpty();
        assertThat(berlin.on(LocalDate.of(2026, 3, 29))).isEmpty();
        PostTimes.Due next = berlin.next(Instant.parse("2026-03-27T08:00:00Z"));
        assertThat(next.localDate()).isEqualTo(LocalDate.of(2026, 3, 30));
        assertThat(next.at()).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
    }

    @Test
    void aucklandAndAHalfHourZone() {
        // Auckland: NZDT (+13) until the first Sunday of April 2026, NZST (+12) after.
        PostTimes auckland = at("09:00", "Pacific/Auckland");
        assertThat(auckland.on(LocalDate.of(2026, 4, 3))).hasValue(Instant.parse("2026-04-02T20:00:00Z"));
        assertThat(auckland.on(LocalDate.of(2026, 4, 6))).hasValue(Instant.parse("2026-04-05T21:00:00Z"));
        // St. John's, a half-hour zone: NST -03:30 in winter, NDT -02:30 in summer.
        PostTimes stJohns = at("09:00", "America/St_Johns");
        assertThat(stJohns.on(LocalDate.of(2026, 1, 15))).hasValue(Instant.parse("2026-01-15T12:30:00Z"));
        assertThat(stJohns.on(LocalDate.of(2026, 7, 15))).hasValue(Instant.parse("2026-07-15T11:30:00Z"));
    }

    @Test
    void aTimeInsideTheSpringGapMovesForwardAndAnOverlapTakesTheFirst() {
        PostTimes gap = new PostTimes(LocalTime.of(2, 30), ZoneId.of("Europe/Berlin"), EnumSet.allOf(DayOfWeek.class));
        assertThat(gap.on(LocalDate.of(2026, 3, 29))).hasValue(Instant.parse("2026-03-29T01:30:00Z")); // 03:30 CEST
        assertThat(gap.on(LocalDate.of(2026, 10, 25))).hasValue(Instant.parse("2026-10-25T00:30:00Z")); // first 02:30
    }

    @Test
    void aMissedPostIsCaughtUpWithinTheGraceWindowOnly() {
        PostTimes berlin = at("09:00", "Europe/Berlin");
        Instant due = Instant.parse("2026-11-25T08:00:00Z");
        assertThat(berlin.catchUp(due.plus(Duration.ofMinutes(90)), Duration.ofHours(2)))
                .hasValue(new PostTimes.Due(LocalDate.of(2026, 11, 25), due));
        assertThat(berlin.catchUp(due.plus(Duration.ofHours(3)), Duration.ofHours(2))).isEmpty();
        assertThat(berlin.catchUp(due.minusSeconds(1), Duration.ofHours(2))).isEmpty();
    }

    @Test
    void typedSchedulesAreReadOrExplained() {
        assertThat(ScheduleInput.time("09:00")).isEqualTo(LocalTime.of(9, 0));
        assertThat(ScheduleInput.time("5:30pm")).isEqualTo(LocalTime.of(17, 30));
        assertThat(ScheduleInput.time("12am")).isEqualTo(LocalTime.MIDNIGHT);
        assertThatThrownBy(() -> ScheduleInput.time("25:00")).hasMessageContaining("HH:MM");
        assertThatThrownBy(() -> ScheduleInput.time("9")).hasMessageContaining("HH:MM");
        assertThat(ScheduleInput.zone("America/St_Johns")).isEqualTo(ZoneId.of("America/St_Johns"));
        assertThatThrownBy(() -> ScheduleInput.zone("Europe/Berln")).hasMessageContaining("Did you mean Europe/Berlin?");
        assertThatThrownBy(() -> ScheduleInput.zone("Berlin")).hasMessageContaining("Did you mean Europe/Berlin?");
        assertThatThrownBy(() -> ScheduleInput.zone("new york")).hasMessageContaining("Did you mean America/New_York?");
        // The right name, written as people write it, is that zone; never "did you mean" itself.
        assertThat(ScheduleInput.zone("europe/berlin")).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(ScheduleInput.zone("America/New York")).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(ScheduleInput.zone("utc")).isEqualTo(ZoneId.of("UTC"));
        // A short name is not a zone: it leaves out summer time, or means several places.
        assertThatThrownBy(() -> ScheduleInput.zone("PST")).hasMessageContaining("Did you mean America/Los_Angeles?")
                .hasMessageContaining("summer and winter");
        assertThatThrownBy(() -> ScheduleInput.zone("EST")).hasMessageContaining("Did you mean America/New_York?");
        assertThatThrownBy(() -> ScheduleInput.zone("ist")).hasMessageContaining("Did you mean Asia/Kolkata?");
        assertThat(ScheduleInput.days("weekdays")).isEqualTo(WEEKDAYS);
        assertThat(ScheduleInput.days("Mon, wed,FRIDAY")).containsExactly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.FRIDAY);
        assertThatThrownBy(() -> ScheduleInput.days("someday")).hasMessageContaining("mon,wed,fri");
        assertThat(ScheduleInput.days("mon-fri")).as("a range").isEqualTo(WEEKDAYS);
        assertThat(ScheduleInput.days("mon-wed,fri")).containsExactly(DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        assertThat(ScheduleInput.days("fri-mon")).as("round the weekend").containsExactly(DayOfWeek.MONDAY,
                DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat("Tue-Thu".matches("(?i)" + ScheduleInput.DAYS_SHAPE)).as("taken as days, not a track").isTrue();
    }
}
