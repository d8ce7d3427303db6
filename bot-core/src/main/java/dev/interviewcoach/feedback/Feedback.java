package dev.interviewcoach.feedback;

import dev.interviewcoach.question.TalkingPoint;
import java.util.List;

/**
 * What the coach says about one answer: a 1-5 score with what earned it, the talking points
 * covered (and the candidate's own words that showed them) and missed, any wrong claim with its
 * correction, up to three strengths and three improvements in plain words, and every signal
 * behind them.
 */
public record Feedback(
        int score,
        String scoreReason,
        List<TalkingPointMatcher.Match> covered,
        List<TalkingPoint> missed,
        List<WrongClaim> wrongClaims,
        List<String> strengths,
        List<String> improvements,
        int wordCount,
        Signals signals) {

    /** A claim the answer made that is not so: what the candidate said, what it amounts to, and what is true. */
    public record WrongClaim(String evidence, String claim, String correction) {}

    /** The measurements the score was built from. */
    public record Signals(double coverage, Relevance.Result relevance, Structure.Result structure,
                          Specificity.Result specificity, Delivery.Result delivery, AnswerForm.Result form,
                          Meaning meaning, ScoreInputs inputs) {}

    /**
     * What the sentence model found, when it read the answer: for each talking point the closeness
     * of the answer's closest piece (0-1) and of its closest denying piece, and the closeness and margin over the correction of the
     * piece closest to any misconception.
     */
    public record Meaning(boolean read, List<Double> pointCloseness, List<Double> pointDenial, double claimCloseness,
                          double claimMargin) {
        public Meaning {
            pointCloseness = List.copyOf(pointCloseness);
            pointDenial = List.copyOf(pointDenial);
        }

        static Meaning notRead() {
            return new Meaning(false, List.of(), List.of(), 0, 0);
        }
    }

    public Feedback {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("score must be 1-5: " + score);
        }
        covered = List.copyOf(covered);
        missed = List.copyOf(missed);
        wrongClaims = List.copyOf(wrongClaims);
        strengths = List.copyOf(strengths);
        improvements = List.copyOf(improvements);
    }

    public boolean offTopic() {
        return signals.relevance().offTopic();
    }

    /** Whether the answer reads as another language than English, which the coach cannot judge. */
    public boolean inAnotherLanguage() {
        return signals != null && signals.form() != null && signals.form().otherLanguage();
    }
}
