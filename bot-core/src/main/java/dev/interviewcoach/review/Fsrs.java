package dev.interviewcoach.review;

import java.time.Duration;
import java.time.Instant;

/**
 * When to review a question next, by the Free Spaced Repetition Scheduler (FSRS, version 4.5, with
 * its published default weights): each question a person answered has a stability (days until
 * recall falls to 90%) and a difficulty (1 to 10), updated by how well they answered. Pure and
 * deterministic: the same answers at the same times give the same schedule.
 */
public final class Fsrs {

    /** How well a person recalled it. */
    public enum Rating {
        AGAIN(1), HARD(2), GOOD(3), EASY(4);

        final int grade;

        Rating(int grade) {
            this.grade = grade;
        }

        /** The coach's 1-5 score as a rating: 1-2 again, 3 hard, 4 good, 5 easy. */
        public static Rating ofScore(int score) {
            return score <= 2 ? AGAIN : score == 3 ? HARD : score == 4 ? GOOD : EASY;
        }
    }

    /** One question's memory state for one person. */
    public record Card(double stability, double difficulty, Instant lastReview, Instant due, int reps, int lapses) {}

    /** FSRS-4.5's default weights, fitted by its authors on a large public review log. */
    private static final double[] W = {0.4872, 1.4003, 3.7145, 13.8206, 5.1618, 1.2298, 0.8975, 0.031, 1.6474, 0.1367,
            1.0461, 2.1072, 0.0793, 0.3246, 1.587, 0.2272, 2.8755};
    private static final double DECAY = -0.5;
    /** Chosen so that recall is exactly 90% after {@code stability} days. */
    private static final double FACTOR = 19.0 / 81.0;
    private static final double MAX_DAYS = 365;

    private final double retention;

    /** A scheduler aiming for {@code retention} (0.9 is FSRS's usual target) at each review. */
    public Fsrs(double retention) {
        if (retention <= 0.5 || retention >= 1) {
            throw new IllegalArgumentException("retention must be between 0.5 and 1, not " + retention);
        }
        this.retention = retention;
    }

    /** The card after the first answer to a question. */
    public Card first(Rating rating, Instant at) {
        double stability = W[rating.grade - 1];
        double difficulty = clampDifficulty(initialDifficulty(rating));
        return new Card(stability, difficulty, at, at.plus(interval(stability, rating)), 1, rating == Rating.AGAIN ? 1 : 0);
    }

    /** The card after another answer, {@code at} some time after the last. */
    public Card next(Card card, Rating rating, Instant at) {
        double elapsedDays = Math.max(0, Duration.between(card.lastReview(), at).toMinutes() / (24.0 * 60));
        double recall = retrievability(elapsedDays, card.stability());
        double difficulty = nextDifficulty(card.difficulty(), rating);
        double stability = rating == Rating.AGAIN ? forgotten(card, recall) : recalled(card, recall, rating);
        return new Card(stability, difficulty, at, at.plus(interval(stability, rating)), card.reps() + 1,
                card.lapses() + (rating == Rating.AGAIN ? 1 : 0));
    }

    /** The chance of recalling it {@code days} after the last review. */
    static double retrievability(double days, double stability) {
        return Math.pow(1 + FACTOR * days / stability, DECAY);
    }

    private Duration interval(double stability, Rating rating) {
        if (rating == Rating.AGAIN) {
            // Missed: see it again tomorrow, whatever the formula says, as a short-term step would.
            return Duration.ofDays(1);
        }
        double days = stability / FACTOR * (Math.pow(retention, 1 / DECAY) - 1);
        return Duration.ofDays(Math.round(Math.min(MAX_DAYS, Math.max(1, days))));
    }

    private static double initialDifficulty(Rating rating) {
        return W[4] - (rating.grade - 3) * W[5];
    }

    private static double nextDifficulty(double difficulty, Rating rating) {
        double moved = difficulty - W[6] * (rating.grade - 3);
        // Mean reversion towards the difficulty of a first "good", so no card sticks at an extreme.
        return clampDifficulty(W[7] * initialDifficulty(Rating.GOOD) + (1 - W[7]) * moved);
    }

    private static double recalled(Card card, double recall, Rating rating) {
        double hardPenalty = rating == Rating.HARD ? W[15] : 1;
        double easyBonus = rating == Rating.EASY ? W[16] : 1;
        return card.stability() * (1 + Math.exp(W[8]) * (11 - card.difficulty()) * Math.pow(card.stability(), -W[9])
                * (Math.exp((1 - recall) * W[10]) - 1) * hardPenalty * easyBonus);
    }

    private static double forgotten(Card card, double recall) {
        double next = W[11] * Math.pow(card.difficulty(), -W[12]) * (Math.pow(card.stability() + 1, W[13]) - 1)
                * Math.exp((1 - recall) * W[14]);
        return Math.min(next, card.stability());
    }

    private static double clampDifficulty(double d) {
        return Math.min(10, Math.max(1, d));
    }
}
