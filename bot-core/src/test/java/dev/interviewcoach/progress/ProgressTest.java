package dev.interviewcoach.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    private static Progress.Scored at(String instant, String topic, int score) {
        return new Progress.Scored(Instant.parse(instant), "python-developer", topic, score);
    }

    @Test
    void streaksAreCountedInThePersonsZoneAndStayAliveUntilTheDayEnds() {
        // 23:30 UTC is the next morning in Auckland: these are three Auckland days in a row.
        List<Progress.Scored> answers = List.of(
                at("2026-11-20T23:30:00Z", "caching", 4),
                at("2026-11-22T01:00:00Z", "caching", 4),
                at("2026-11-22T20:00:00Z", "testing", 2));
        Progress today = Progress.of(answers, AUCKLAND, LocalDate.of(2026, 11, 23));
        assertThat(today.currentStreak()).isEqualTo(3);
        assertThat(today.answeredToday()).isTrue();
        Progress tomorrow = Progress.of(answers, AUCKLAND, LocalDate.of(2026, 11, 24));
        assertThat(tomorrow.currentStreak()).as("alive until tomorrow ends").isEqualTo(3);
        assertThat(tomorrow.answeredToday()).isFalse();
        assertThat(Progress.of(answers, AUCKLAND, LocalDate.of(2026, 11, 25)).currentStreak()).isZero();
        Progress inUtc = Progress.of(answers, ZoneId.of("UTC"), LocalDate.of(2026, 11, 22));
        assertThat(inUtc.bestStreak()).as("in UTC the first answer was two days earlier").isEqualTo(1);
    }

    @Test
    void topicsHaveMeansTrendsAndTheWeakestComeFirst() {
        List<Progress.Scored> answers = List.of(
                at("2026-11-01T10:00:00Z", "sql", 1), at("2026-11-02T10:00:00Z", "sql", 1),
                at("2026-11-03T10:00:00Z", "sql", 2), at("2026-11-04T10:00:00Z", "sql", 3),
                at("2026-11-05T10:00:00Z", "sql", 4), at("2026-11-06T10:00:00Z", "sql", 4),
                at("2026-11-07T10:00:00Z", "testing", 2), at("2026-11-08T10:00:00Z", "caching", 5));
        Progress p = Progress.of(answers, ZoneId.of("UTC"), LocalDate.of(2026, 11, 8));
        Progress.TopicStats sql = p.topics().getFirst();
        assertThat(sql.topic()).isEqualTo("sql");
        assertThat(sql.mean()).isEqualTo(2.5);
        assertThat(sql.trend()).as("latest three 3,4,4 against 1,1,2").isCloseTo(2.33, org.assertj.core.data.Offset.offset(0.01));
        assertThat(p.weakest()).extracting(Progress.TopicStats::topic).containsExactly("testing", "sql");
        assertThat(p.bestStreak()).isEqualTo(8);
        assertThat(StatsCommand.nextStep(p)).startsWith("start a 3-question mock on testing");
    }
}
