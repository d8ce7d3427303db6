package dev.interviewcoach.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessedEventsTest {

    @TempDir
    Path dir;

    @Test
    void deliveriesAreRememberedForAWeekThenForgotten() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            Instant start = Instant.parse("2026-11-01T09:00:00Z");
            assertThat(new ProcessedEvents(db.jdbi(), Clock.fixed(start, ZoneOffset.UTC)).firstDelivery("old")).isTrue();
            ProcessedEvents later = new ProcessedEvents(db.jdbi(), Clock.fixed(start.plus(Duration.ofDays(8)), ZoneOffset.UTC));
            assertThat(later.firstDelivery("recent")).isTrue();
            assertThat(later.forgetOlderThan(Duration.ofDays(7))).isEqualTo(1);
            assertThat(later.firstDelivery("recent")).as("a week's deliveries are kept").isFalse();
            assertThat(later.firstDelivery("old")).as("an older one is forgotten").isTrue();
        }
    }
}
