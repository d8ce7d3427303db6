package dev.interviewcoach.feedback;

import dev.interviewcoach.question.EditDistance;
import dev.interviewcoach.question.TalkingPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides which talking points an answer shows: a point is covered when one of its phrases
 * appears in the answer as consecutive stems, forgiving one typo in words of five letters or more.
 */
public final class TalkingPointMatcher {

    private static final int TYPO_MIN_LENGTH = 5;

    private final TextAnalyzer analyzer;

    public TalkingPointMatcher(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** A point the answer showed, with the phrase that showed it. */
    public record Match(TalkingPoint point, String evidence) {}

    public List<Match> covered(List<TalkingPoint> points, List<String> answerStems) {
        List<Match> matches = new ArrayList<>();
        for (TalkingPoint point : points) {
            firstEvidence(point, answerStems).ifPresent(e -> matches.add(new Match(point, e)));
        }
        return matches;
    }

    private Optional<String> firstEvidence(TalkingPoint point, List<String> answer) {
        for (String phrase : point.shownBy()) {
            List<String> wanted = analyzer.stems(phrase);
            if (!wanted.isEmpty() && containsRun(answer, wanted)) {
                return Optional.of(phrase);
            }
        }
        return Optional.empty();
    }

    private static boolean containsRun(List<String> answer, List<String> wanted) {
        outer:
        for (int start = 0; start + wanted.size() <= answer.size(); start++) {
            for (int k = 0; k < wanted.size(); k++) {
                if (!sameWord(answer.get(start + k), wanted.get(k))) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static boolean sameWord(String typed, String wanted) {
        if (typed.equals(wanted)) {
            return true;
        }
        return typed.length() >= TYPO_MIN_LENGTH && wanted.length() >= TYPO_MIN_LENGTH
                && Math.abs(typed.length() - wanted.length()) <= 1
                && EditDistance.between(typed, wanted) <= 1;
    }
}
