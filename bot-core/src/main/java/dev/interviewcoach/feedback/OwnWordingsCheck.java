package dev.interviewcoach.feedback;

import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.BankProblem;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.QuestionKind;
import dev.interviewcoach.question.TalkingPoint;
import dev.interviewcoach.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Warns of a misconception's phrase found in the question's own wording of a point: an answer that says the point that
 * way would be told it made the wrong claim.
 */
public final class OwnWordingsCheck {

    private OwnWordingsCheck() {
    }

    /** One warning for each of a bank's point wordings (statement, other and everyday wordings) that states a claim. */
    public static List<BankProblem> check(String file, Bank bank, TextAnalyzer analyzer) {
        TalkingPointMatcher matcher = new TalkingPointMatcher(analyzer);
        List<BankProblem> out = new ArrayList<>();
        List<Question> questions = bank.questions();
        for (int q = 0; q < questions.size(); q++) {
            Question question = questions.get(q);
            if (question.misconceptions().isEmpty()) {
                continue;
            }
            List<TalkingPoint> points = question.talkingPoints();
            for (int p = 0; p < points.size(); p++) {
                TalkingPoint point = points.get(p);
                String at = "questions[" + (q + 1) + "].talking_points[" + (p + 1) + "]";
                warn(file, at + ".point", point.point(), question, matcher, analyzer, out);
                for (int w = 0; w < point.inOtherWords().size(); w++) {
                    warn(file, at + ".in_other_words[" + (w + 1) + "]", point.inOtherWords().get(w), question, matcher,
                            analyzer, out);
                }
                for (int w = 0; w < point.inEverydayWords().size(); w++) {
                    warn(file, at + ".in_everyday_words[" + (w + 1) + "]", point.inEverydayWords().get(w), question,
                            matcher, analyzer, out);
                }
            }
        }
        return out;
    }

    private static void warn(String file, String field, String wording, Question question, TalkingPointMatcher matcher,
                             TextAnalyzer analyzer, List<BankProblem> out) {
        List<Optional<String>> spotted = matcher.spotted(question.misconceptions(), AnalyzedText.of(wording, analyzer),
                question.kind() != QuestionKind.TECHNICAL);
        for (int m = 0; m < spotted.size(); m++) {
            if (spotted.get(m).isPresent()) {
                out.add(new BankProblem(file, 0, field, "warning: \"" + spotted.get(m).get() + "\" states the claim \""
                        + question.misconceptions().get(m).claim() + "\"; an answer saying the point this way would be"
                        + " told it is wrong: reword the wording or the claim's spotted_by phrases"));
            }
        }
    }
}
