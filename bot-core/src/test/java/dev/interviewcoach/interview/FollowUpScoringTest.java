package dev.interviewcoach.interview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.feedback.Feedback;
import dev.interviewcoach.feedback.RuleBasedFeedbackEngine;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.text.TextAnalyzer;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A follow-up's answer is judged on the point it probes: a few sentences that make it score well, a dodge does not. */
class FollowUpScoringTest {

    private static final BankCatalog BANKS = BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty()));
    private final RuleBasedFeedbackEngine engine = new RuleBasedFeedbackEngine(BANKS, new TextAnalyzer());

    private Feedback followUpAnswer(String track, String question, String point, String answer) {
        Question q = BANKS.current().question(track, question).orElseThrow();
        FollowUps.Probe probe = FollowUps.find(q, point).orElseThrow();
        return engine.assess(FollowUps.judgedAs(q, probe), answer);
    }

    @Test
    void aFewSentencesThatMakeTheProbedPointScoreWellAndADodgeDoesNot() {
        Feedback made = followUpAnswer("python-developer", "gil-and-concurrency", "gil-one-thread",
                "Only one of them makes progress at any instant. The GIL lets just one thread execute Python bytecode at"
                        + " a time, so the other three wait for the lock and the loop is no faster than on one core; in"
                        + " our service we measured exactly that.");
        Feedback dodged = followUpAnswer("python-developer", "gil-and-concurrency", "gil-one-thread",
                "It depends on a lot of things, really. I would have to look at the code and the machine before"
                        + " saying anything definite about how many make progress.");
        assertThat(made.covered()).extracting(m -> m.point().id()).containsExactly("gil-one-thread");
        assertThat(made.score()).as(made.scoreReason()).isGreaterThanOrEqualTo(3);
        assertThat(dodged.score()).as(dodged.scoreReason()).isLessThan(made.score());
    }

    @Test
    void twoSentencesAreAWholeFollowUpAnswerAndAFewWordsAreToldHowMuchToSay() {
        Feedback twoSentences = followUpAnswer("python-developer", "gil-and-concurrency", "gil-one-thread",
                "Only one at a time. The GIL lets just one thread run Python bytecode, so the other three wait.");
        assertThat(twoSentences.score()).as("asked for two or three sentences, not capped for giving them: "
                + twoSentences.scoreReason()).isGreaterThanOrEqualTo(3);
        assertThat(twoSentences.scoreReason()).doesNotContain("too short");
        Feedback fewWords = followUpAnswer("python-developer", "gil-and-concurrency", "gil-one-thread", "Just one, GIL.");
        assertThat(fewWords.score()).isLessThanOrEqualTo(2);
        assertThat(fewWords.improvements()).anyMatch(i -> i.contains("aim for two or three sentences"))
                .noneMatch(i -> i.contains("aim for 80 to 250"));
    }
}
