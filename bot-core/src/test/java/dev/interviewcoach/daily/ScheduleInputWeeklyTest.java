package dev.interviewcoach.daily;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewcoach.command.CommandInput;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A weekly moment typed for a digest or a pairing: what is typed replaces, what is not stays. */
class ScheduleInputWeeklyTest {

    private static final ScheduleInput.Weekly NOW = new ScheduleInput.Weekly(DayOfWeek.MONDAY, LocalTime.of(9, 0),
            ZoneId.of("UTC"));

    @Test
    void whatIsTypedReplacesAndTheRestIsKept() {
        assertThat(ScheduleInput.weekly(new CommandInput("digest", Map.of()), NOW, "A digest goes out")).isEqualTo(NOW);
        assertThat(ScheduleInput.weekly(new CommandInput("digest", Map.of("weekday", "fri", "zone", "Europe/Berlin")),
                NOW, "A digest goes out"))
                .isEqualTo(new ScheduleInput.Weekly(DayOfWeek.FRIDAY, LocalTime.of(9, 0), ZoneId.of("Europe/Berlin")));
        assertThat(ScheduleInput.weekly(new CommandInput("pair", Map.of("time", "4:30pm")), NOW, "Pairs are made").time())
                .isEqualTo(LocalTime.of(16, 30));
    }

    @Test
    void moreThanOneDayOrABadZoneIsRefusedWithWhatWasTyped() {
        assertThatThrownBy(() -> ScheduleInput.weekly(new CommandInput("pair", Map.of("weekday", "mon,wed")), NOW,
                "Pairs are made"))
                .isInstanceOf(ScheduleInput.Invalid.class)
                .hasMessage("Pairs are made on one weekday, such as mon; you wrote \"mon,wed\".");
        assertThatThrownBy(() -> ScheduleInput.weekly(new CommandInput("digest", Map.of("zone", "Europe/Berln")), NOW,
                "A digest goes out"))
                .isInstanceOf(ScheduleInput.Invalid.class).hasMessageContaining("Europe/Berlin");
    }
}
