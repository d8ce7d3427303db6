package dev.interviewcoach.feedback;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An answer's measurements, each a number in the order of {@link #NAMES}, that the {@link ScoreModel} weighs,
 * with the facts the rubric's rules need beside them: the answer's length in words, whether it copies the
 * question back, and whether it answers another question (read off-topic, with no point made, no wrong claim
 * about this question and nothing near a point in meaning).
 */
public record ScoreInputs(double[] values, int rawWords, boolean copiesQuestion, boolean answersAnotherQuestion) {

    /** What each value measures. */
    public static final List<String> NAMES = List.of(
            "coverage", "points_in_words", "points_covered", "support_mean", "support_min", "support_max_unmade",
            "relevance", "best_other", "relevance_gap", "structure", "specificity", "numbers", "named_tools",
            "real_case", "log_words", "too_short", "long", "denial_max", "claim_closeness", "claim_margin",
            "wrong_claims", "keyword_list", "repeated_share", "overclaims", "hedges", "off_topic", "general");

    public ScoreInputs {
        if (values.length != NAMES.size()) {
            throw new IllegalArgumentException("expected " + NAMES.size() + " values, got " + values.length);
        }
        values = values.clone();
    }

    /** Measurements of an answer that is about the question asked. */
    public ScoreInputs(double[] values, int rawWords, boolean copiesQuestion) {
        this(values, rawWords, copiesQuestion, false);
    }

    /** One value by name. */
    public double get(String name) {
        int i = NAMES.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no score input named " + name);
        }
        return values[i];
    }

    boolean flag(String name) {
        return get(name) > 0;
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoreInputs other && Arrays.equals(values, other.values) && rawWords == other.rawWords
                && copiesQuestion == other.copiesQuestion && answersAnotherQuestion == other.answersAnotherQuestion;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(values), rawWords, copiesQuestion, answersAnotherQuestion);
    }

    @Override
    public String toString() {
        return "ScoreInputs" + Arrays.toString(values) + ", " + rawWords + " words" + (copiesQuestion ? ", copies the question" : "")
                + (answersAnotherQuestion ? ", answers another question" : "");
    }
}
