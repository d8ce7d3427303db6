package dev.interviewcoach.feedback;

import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.TalkingPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Feedback from talking-point coverage and answer length.
 *
 * <p>Rubric: the share of talking points covered sets the score (none: 1, up to a third: 2,
 * under two thirds: 3, under all: 4, all: 5). An answer under {@value #SHORT_WORDS} words scores
 * at most 3, since an interviewer would ask for more; one over {@value #LONG_WORDS} words loses a
 * point for rambling.
 */
public final class CoverageFeedbackEngine implements FeedbackEngine {

    static final int SHORT_WORDS = 25;
    static final int LONG_WORDS = 350;

    private final TextAnalyzer analyzer;
    private final TalkingPointMatcher matcher;

    public CoverageFeedbackEngine(TextAnalyzer analyzer) {
        this.analyzer = analyzer;
        this.matcher = new TalkingPointMatcher(analyzer);
    }

    @Override
    public Feedback assess(Question question, String answer) {
        List<String> stems = analyzer.stems(answer);
        List<TalkingPointMatcher.Match> covered = matcher.covered(question.talkingPoints(), stems);
        Set<String> coveredIds = covered.stream().map(m -> m.point().id()).collect(Collectors.toSet());
        List<TalkingPoint> missed = question.talkingPoints().stream()
                .filter(p -> !coveredIds.contains(p.id())).toList();
        int words = TextAnalyzer.wordCount(answer);
        int total = question.talkingPoints().size();

        int score = coverageScore(covered.size(), total);
        String reason = "You covered " + covered.size() + " of " + total + " talking points";
        if (words < SHORT_WORDS && score > 3) {
            score = 3;
            reason += ", but at " + words + " words the answer is too short to score higher";
        } else if (words > LONG_WORDS && score > 1) {
            score -= 1;
            reason += "; at " + words + " words it runs long, which costs a point";
        }
        reason += ".";

        List<String> strengths = new ArrayList<>();
        if (!covered.isEmpty()) {
            strengths.add("You made " + (covered.size() == 1 ? "this point" : "these points") + ": "
                    + covered.stream().map(m -> lowerFirst(m.point().point())).collect(Collectors.joining("; ")));
        }
        List<String> improvements = new ArrayList<>();
        if (!missed.isEmpty()) {
            improvements.add("Cover this next time: " + lowerFirst(missed.getFirst().point()) + ".");
        } else if (words < SHORT_WORDS) {
            improvements.add("Expand each point with a concrete example from your own work.");
        } else if (words > LONG_WORDS) {
            improvements.add("Trim it: lead with your main point and keep one example.");
        }
        if (words < SHORT_WORDS && !missed.isEmpty()) {
            improvements.add("Say more: " + words + " words is short for this question; aim for 80 to 250.");
        }
        return new Feedback(score, reason, covered, missed, strengths, improvements, words);
    }

    static int coverageScore(int covered, int total) {
        if (total == 0 || covered == 0) {
            return 1;
        }
        if (covered == total) {
            return 5;
        }
        double share = (double) covered / total;
        if (share <= 1.0 / 3 + 1e-9) {
            return 2;
        }
        return share < 2.0 / 3 ? 3 : 4;
    }

    private static String lowerFirst(String sentence) {
        String s = sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
        return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))
                ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
    }
}
