package dev.interviewcoach.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** FSRS's schedule as a person meets it: good answers come back further apart, a miss tomorrow. */
class FsrsTest {

    private static final Instant DAY0 = Instant.parse("2026-12-01T09:00:00Z");
    private final Fsrs fsrs = new Fsrs(0.9);

    @Test
    void scoresMapToRatings() {
        assertThat(Fsrs.Rating.ofScore(1)).isEqualTo(Fsrs.Rating.AGAIN);
        assertThat(Fsrs.Rating.ofScore(2)).isEqualTo(Fsrs.Rating.AGAIN);
        assertThat(Fsrs.Rating.ofScore(3)).isEqualTo(Fsrs.Rating.HARD);
        assertThat(Fsrs.Rating.ofScore(4)).isEqualTo(Fsrs.Rating.GOOD);
        assertThat(Fsrs.Rating.ofScore(5)).isEqualTo(Fsrs.Rating.EASY);
    }

    @Test
    void aGoodAnswerComesBackInFourDaysThenFifteenAndAMissTomorrow() {
        Fsrs.Card first = fsrs.first(Fsrs.Rating.GOOD, DAY0);
        // With 90% retention the interval equals the stability: 3.7 days for a first "good".
        assertThat(first.stability()).isCloseTo(3.7145, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(first.due()).isEqualTo(DAY0.plus(Duration.ofDays(4)));
        Fsrs.Card second = fsrs.next(first, Fsrs.Rating.GOOD, first.due());
        assertThat(second.stability()).isBetween(14.0, 15.5);
        assertThat(second.due()).isEqualTo(first.due().plus(Duration.ofDays(15)));
        Fsrs.Card missed = fsrs.next(second, Fsrs.Rating.AGAIN, second.due());
        assertThat(missed.due()).isEqualTo(second.due().plus(Duration.ofDays(1)));
        assertThat(missed.stability()).isLessThan(second.stability());
        assertThat(missed.lapses()).isEqualTo(1);
        assertThat(missed.difficulty()).isGreaterThan(second.difficulty());
    }

    @Test
    void recallIsNinetyPercentAfterStabilityDays() {
        assertThat(Fsrs.retrievability(10, 10)).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(Fsrs.retrievability(0, 10)).isEqualTo(1.0);
    }

    @Test
    void intervalsNeverPassAYearAndDifficultyStaysBetweenOneAndTen() {
        Fsrs.Card card = fsrs.first(Fsrs.Rating.EASY, DAY0);
        for (int i = 0; i < 30; i++) {
            card = fsrs.next(card, Fsrs.Rating.EASY, card.due());
            assertThat(Duration.between(card.lastReview(), card.due()).toDays()).isBetween(1L, 365L);
            assertThat(card.difficulty()).isBetween(1.0, 10.0);
        }
        for (int i = 0; i < 30; i++) {
            card = fsrs.next(card, Fsrs.Rating.AGAIN, card.due());
            assertThat(card.difficulty()).isBetween(1.0, 10.0);
        }
    }
}
