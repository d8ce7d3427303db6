package dev.interviewcoach.pair;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who is paired with whom: working hours that overlap, new partners first, whoever waited first. */
class PairMatcherTest {

    /** Monday 7 December 2026 (winter: Berlin UTC+1, New York UTC-5, Los Angeles UTC-8, Tokyo UTC+9). */
    private static final LocalDate WEEK = LocalDate.of(2026, 12, 7);
    private static final Instant JOINED = Instant.parse("2026-11-01T00:00:00Z");
    private final PairMatcher matcher = new PairMatcher();

    private static PairMatcher.Candidate person(String id, String zone) {
        return person(id, zone, Optional.empty(), 0);
    }

    private static PairMatcher.Candidate person(String id, String zone, Optional<Instant> waiting, int joinedMinute) {
        return new PairMatcher.Candidate(id, WorkingHours.standard(ZoneId.of(zone)), waiting,
                JOINED.plus(Duration.ofMinutes(joinedMinute)));
    }

    @Test
    void workingHoursOverlapAcrossZonesAndTheDateLine() {
        WorkingHours berlin = WorkingHours.standard(ZoneId.of("Europe/Berlin"));
        assertThat(berlin.overlap(WorkingHours.standard(ZoneId.of("America/New_York")), WEEK)).isEqualTo(Duration.ofHours(3));
        assertThat(berlin.overlap(WorkingHours.standard(ZoneId.of("Asia/Tokyo")), WEEK)).isEqualTo(Duration.ofHours(1));
        assertThat(berlin.overlap(WorkingHours.standard(ZoneId.of("America/Los_Angeles")), WEEK)).isEqualTo(Duration.ZERO);
        // Tokyo's Tuesday morning is Los Angeles's Monday evening.
        assertThat(WorkingHours.standard(ZoneId.of("Asia/Tokyo"))
                .overlap(WorkingHours.standard(ZoneId.of("America/Los_Angeles")), WEEK)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void peopleArePairedOnlyWithSomeoneAtWorkAtTheSameTimeForAnHour() {
        PairMatcher.Result result = matcher.match(List.of(person("ana", "Europe/Berlin"),
                        person("lee", "America/Los_Angeles"), person("ben", "Europe/London"), person("kim", "Asia/Tokyo")),
                (a, b) -> 0, WEEK);
        assertThat(result.pairs()).hasSize(2);
        assertThat(result.pairs()).allSatisfy(p -> assertThat(Set.of(p.first(), p.second()))
                .isIn(Set.of("ana", "ben"), Set.of("lee", "kim")));
        assertThat(result.alone()).isEmpty();
    }

    @Test
    void someoneWhoseHoursMeetNobodysIsLeftAloneAndToldWhy() {
        PairMatcher.Result result = matcher.match(List.of(person("ana", "Europe/Berlin"), person("ben", "Europe/Paris"),
                person("lee", "America/Los_Angeles")), (a, b) -> 0, WEEK);
        assertThat(result.pairs()).containsExactly(new PairMatcher.Pair("ana", "ben"));
        assertThat(result.alone()).isEqualTo(Map.of("lee", PairMatcher.Alone.NO_OVERLAP));
    }

    @Test
    void aNewPartnerIsPreferredToARepeat() {
        List<PairMatcher.Candidate> four = List.of(person("ana", "Europe/Berlin"), person("ben", "Europe/Berlin"),
                person("cat", "Europe/Berlin"), person("dan", "Europe/Berlin"));
        PairMatcher.Result first = matcher.match(four, (a, b) -> 0, WEEK);
        assertThat(first.pairs()).containsExactly(new PairMatcher.Pair("ana", "ben"), new PairMatcher.Pair("cat", "dan"));
        Set<Set<String>> before = Set.of(Set.of("ana", "ben"), Set.of("cat", "dan"));
        PairMatcher.Result second = matcher.match(four, (a, b) -> before.contains(Set.of(a, b)) ? 1 : 0, WEEK.plusWeeks(1));
        assertThat(second.pairs()).hasSize(2).noneMatch(p -> before.contains(Set.of(p.first(), p.second())));
    }

    @Test
    void theOddOneOutIsToldAndGoesFirstNextWeek() {
        PairMatcher.Candidate ana = person("ana", "Europe/Berlin", Optional.empty(), 0);
        PairMatcher.Candidate ben = person("ben", "Europe/Berlin", Optional.empty(), 1);
        PairMatcher.Candidate cat = person("cat", "Europe/Berlin", Optional.empty(), 2);
        PairMatcher.Result first = matcher.match(List.of(ana, ben, cat), (a, b) -> 0, WEEK);
        assertThat(first.alone()).isEqualTo(Map.of("cat", PairMatcher.Alone.ODD_ONE_OUT));

        PairMatcher.Candidate waited = person("cat", "Europe/Berlin", Optional.of(Instant.parse("2026-12-07T10:00:00Z")), 2);
        PairMatcher.Result second = matcher.match(List.of(ana, ben, waited), (a, b) -> Set.of(a, b).equals(Set.of("ana", "ben")) ? 1 : 0,
                WEEK.plusWeeks(1));
        assertThat(second.pairs()).singleElement().satisfies(p -> assertThat(p.first()).isEqualTo("cat"));
        assertThat(second.alone()).doesNotContainKey("cat");
    }
}
