package dev.interviewcoach.feedback;

import dev.interviewcoach.question.TalkingPoint;
import java.util.List;

/**
 * What the coach says about one answer: a 1-5 score with the reason for it, the talking points
 * covered (and the words that showed them) and missed, strengths and improvements in plain words.
 */
public record Feedback(
        int score,
        String scoreReason,
        List<TalkingPointMatcher.Match> covered,
        List<TalkingPoint> missed,
        List<String> strengths,
        List<String> improvements,
        int wordCount) {

    public Feedback {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("score must be 1-5: " + score);
        }
        covered = List.copyOf(covered);
        missed = List.copyOf(missed);
        strengths = List.copyOf(strengths);
        improvements = List.copyOf(improvements);
    }
}
