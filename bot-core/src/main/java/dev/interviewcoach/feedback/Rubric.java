package dev.interviewcoach.feedback;

import java.util.ArrayList;
import java.util.List;

/**
 * The rubric's rules over the score model's band: what sets or holds a score down whatever the
 * measurements add up to. A pure function of the inputs, so fitting the model can apply it too.
 */
public final class Rubric {

    /** Answers longer than this lose two points. */
    static final int VERY_LONG_WORDS = 700;
    /** Answers longer than this score at most 2. */
    static final int CAP_WORDS = 1000;

    /**
     * A rule that set the score or held it down, in the order they apply. The limits (at most 2) are
     * named whenever they hold, also when the score was already that low, since they say why; the
     * deductions only when they took a point.
     */
    public enum Cap {
        COPIES_QUESTION, WRONG_CLAIM, KEYWORD_LIST, REPEATED, OVERCLAIMS, TOO_SHORT, FAR_TOO_LONG,
        VERY_LONG, LONG, ANSWERS_ANOTHER_QUESTION
    }

    /** The score and the rules that set or lowered it. */
    public record Decision(int score, List<Cap> caps) {
        public Decision {
            caps = List.copyOf(caps);
        }
    }

    private Rubric() {
    }

    /** The score for an answer whose measurements fall in {@code band} (1-5) of the score model. */
    public static Decision decide(ScoreInputs in, int band) {
        List<Cap> caps = new ArrayList<>();
        int score = band;
        // A 1 says the answer has not begun on the question. One that makes a point of it, on the question and with
        // nothing false said, has begun: it is weak or partial, a 2 at least (the rules below still hold).
        if (band == 1 && in.get("points_covered") > 0 && !in.flag("wrong_claims") && !in.flag("off_topic")
                && !in.flag("keyword_list")) {
            score = 2;
        }
        if (in.copiesQuestion()) {
            score = 1;
            caps.add(Cap.COPIES_QUESTION);
        }
        if (in.flag("wrong_claims")) {
            score = Math.min(score, 2);
            caps.add(Cap.WRONG_CLAIM);
        }
        if (in.flag("keyword_list")) {
            score = Math.min(score, 2);
            caps.add(Cap.KEYWORD_LIST);
        }
        if (in.get("repeated_share") >= AnswerForm.MOSTLY_REPEATED) {
            score = Math.min(score, 2);
            caps.add(Cap.REPEATED);
        }
        if (score > 1 && in.flag("overclaims")) {
            score -= 1;
            caps.add(Cap.OVERCLAIMS);
        }
        if (in.flag("too_short")) {
            score = Math.min(score, 2);
            caps.add(Cap.TOO_SHORT);
        }
        int words = in.rawWords();
        if (words > CAP_WORDS) {
            score = Math.min(score, 2);
            caps.add(Cap.FAR_TOO_LONG);
        } else if (words > VERY_LONG_WORDS && score > 1) {
            score = Math.max(1, score - 2);
            caps.add(Cap.VERY_LONG);
        } else if (words > Delivery.LONG_WORDS && score > 1) {
            score -= 1;
            caps.add(Cap.LONG);
        }
        // A 2 says "on the question, but weak or wrong"; an answer to another question has not begun to answer this
        // one, which is what a 1 says. It never lifts a score and never lowers one the measurements put above 2:
        // the words alone can misread an answer in other words, and then the rest of the reading stands.
        if (in.answersAnotherQuestion() && score == 2) {
            score = 1;
            caps.add(Cap.ANSWERS_ANOTHER_QUESTION);
        }
        return new Decision(score, caps);
    }
}
