package dev.interviewcoach.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import dev.interviewcoach.question.Question;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The feedback engine, words and meaning, against the labelled set. The set's dev part is tuned on;
 * its test part was written from the question text alone and is never tuned on.
 */
class EvaluationTest {

    private static final Path SET = Path.of("src", "test", "resources", "eval");
    private static List<Evaluation.Case> cases;
    private static Evaluation.Report test;

    @BeforeAll
    static void scoreTheSet() {
        cases = Evaluation.load(SET);
        test = new Evaluation(SentenceModelForTests.BANKS, SentenceModelForTests.ENGINE).run(cases, "test");
        System.out.println("== test part\n" + test.render(10));
    }

    @Test
    void theSetHasBothPartsEveryTrackAndEveryLabel() {
        assertThat(cases.stream().filter(c -> c.part().equals("test"))).hasSizeGreaterThanOrEqualTo(350);
        assertThat(cases.stream().filter(c -> c.part().equals("dev"))).hasSizeGreaterThanOrEqualTo(450);
        assertThat(test.scored()).extracting(s -> s.example().track()).contains("python-developer", "java-backend",
                "behavioral", "system-design", "sql-and-data");
        for (Evaluation.Label label : Evaluation.Label.values()) {
            assertThat(test.count(label)).as("test cases labelled " + label.word()).isGreaterThanOrEqualTo(25);
        }
    }

    @Test
    void noReasonSpeaksOfTheDetailsBothWays() {
        // "with concrete details; what weighed most against it: few concrete details" was said of a concise answer
        List<String> contradictions = cases.stream().filter(c -> c.part().equals("dev")).map(c -> {
            Question q = SentenceModelForTests.BANKS.question(c.track(), c.questionId()).orElseThrow();
            return SentenceModelForTests.ENGINE.assess(q, c.answer()).scoreReason();
        }).filter(reason -> reason.contains("with concrete details") && reason.contains("few concrete details")).toList();
        assertThat(contradictions).isEmpty();
    }

    /** The bars the labelled set was first held to, on the answers they were set for (now in the dev part). */
    @Test
    void theOriginalAnswersStillMeetTheirBars() {
        List<Evaluation.Case> original = cases.stream().filter(c -> c.source().endsWith("-original.yaml")).toList();
        Evaluation.Report report = new Evaluation(SentenceModelForTests.BANKS, SentenceModelForTests.ENGINE).run(original);
        assertThat(original).hasSizeGreaterThanOrEqualTo(250);
        assertThat(report.share(Evaluation.Label.STRONG, 4, 5)).as("strong answers scoring 4 or 5").isGreaterThanOrEqualTo(0.90);
        assertThat(report.share(Evaluation.Label.OFF_TOPIC, 1, 2)).as("off-topic answers scoring 1 or 2").isGreaterThanOrEqualTo(0.95);
        assertThat(report.share(Evaluation.Label.WEAK, 1, 2)).as("weak answers scoring 1 or 2").isGreaterThanOrEqualTo(0.85);
        assertThat(report.spearman()).as("Spearman correlation of score with label").isGreaterThanOrEqualTo(0.8);
    }

    /**
     * The test part as measured when it was written. These floors guard against regressions only: the
     * bars the product aims for (every label in band 85%, off-topic 95%, Spearman 0.80) are reported by
     * {@code coach eval}, and where they are not met yet {@code coach eval} exits 1 and says which.
     * Measured again with the fitted score model: every floor rose except concise answers, which fell
     * from 83.8% to 81.3% (two answers of 80) while weak ones rose from 77% to 94%.
     */
    @Test
    void theTestPartDoesNotFallBelowWhatWasMeasured() {
        assertThat(test.inBand(Evaluation.Label.STRONG)).as("strong 4-5").isGreaterThanOrEqualTo(0.94);
        assertThat(test.inBand(Evaluation.Label.OFF_TOPIC)).as("off-topic 1-2").isGreaterThanOrEqualTo(0.95);
        assertThat(test.inBand(Evaluation.Label.KEYWORD_LIST)).as("keyword-list 1-2").isGreaterThanOrEqualTo(0.95);
        assertThat(test.inBand(Evaluation.Label.CONCISE)).as("concise 4-5").isGreaterThanOrEqualTo(0.89);
        assertThat(test.inBand(Evaluation.Label.PARAPHRASE)).as("paraphrase 4-5").isGreaterThanOrEqualTo(0.90);
        assertThat(test.inBand(Evaluation.Label.WRONG)).as("wrong 1-2").isGreaterThanOrEqualTo(0.86);
        assertThat(test.inBand(Evaluation.Label.NEGATED)).as("negated 1-2").isGreaterThanOrEqualTo(0.96);
        assertThat(test.inBand(Evaluation.Label.WEAK)).as("weak 1-2").isGreaterThanOrEqualTo(0.94);
        assertThat(test.spearman()).as("Spearman").isGreaterThanOrEqualTo(0.79);
    }

    /**
     * The product's bars on the test part (every label in band 85%, off-topic 95%, Spearman 0.80), held since they
     * were first all met: the build fails below any of them, as {@code coach eval} exits 1.
     */
    @Test
    void theTestPartMeetsEveryBar() {
        assertThat(test.missedBars()).as("bars missed on the test part").isEmpty();
    }

    /**
     * The check part (other writers' answers to the dev questions, never fitted on) as first measured. Like the
     * floors above, a guard against a change that helps the test part at the cost of answers written apart
     * from it; its wrong answers are far from the product's bar (see the README).
     */
    @Test
    void theCheckPartDoesNotFallBelowWhatWasMeasured() {
        List<Evaluation.Case> check = cases.stream().filter(c -> c.part().equals("check")).toList();
        assertThat(check).hasSizeGreaterThanOrEqualTo(450);
        Evaluation.Report report = new Evaluation(SentenceModelForTests.BANKS, SentenceModelForTests.ENGINE).run(check);
        assertThat(report.inBand(Evaluation.Label.STRONG)).as("strong 4-5").isGreaterThanOrEqualTo(0.98);
        assertThat(report.inBand(Evaluation.Label.CONCISE)).as("concise 4-5").isGreaterThanOrEqualTo(0.89);
        assertThat(report.inBand(Evaluation.Label.PARAPHRASE)).as("paraphrase 4-5").isGreaterThanOrEqualTo(0.94);
        assertThat(report.inBand(Evaluation.Label.WEAK)).as("weak 1-2").isGreaterThanOrEqualTo(0.88);
        assertThat(report.inBand(Evaluation.Label.NEGATED)).as("negated 1-2").isGreaterThanOrEqualTo(0.98);
        assertThat(report.inBand(Evaluation.Label.WRONG)).as("wrong 1-2").isGreaterThanOrEqualTo(0.67);
        assertThat(report.spearman()).as("Spearman").isGreaterThanOrEqualTo(0.68);
    }

    /**
     * Answers typed as people chat, labelled with the points each makes: the coach should name as covered what was
     * said and as missed what was not. Floors at the held-out part's figures; for stories, those when the behavioral
     * points' chat phrases came in (before them: precision 0.761, recall 0.525), so a change cannot quietly lose them.
     */
    @Test
    void pointsOfAnswersTypedInChatAreRecognised() {
        List<Evaluation.Case> chat = Evaluation.load(Path.of("src", "test", "resources", "eval-chat"));
        Evaluation scorer = new Evaluation(SentenceModelForTests.BANKS, SentenceModelForTests.ENGINE);
        Evaluation.Report heldOut = scorer.run(chat, "test");
        assertThat(heldOut.scored()).hasSize(261);
        assertThat(heldOut.precision()).as("points named as covered that the answer made").isGreaterThanOrEqualTo(0.83);
        assertThat(heldOut.recall()).as("points the answer made that were named as covered").isGreaterThanOrEqualTo(0.83);

        Evaluation.Report stories = scorer.run(chat.stream()
                .filter(c -> c.part().equals("test") && c.track().equals("behavioral")).toList());
        assertThat(stories.scored()).hasSize(84);
        assertThat(stories.precision()).as("story points named as covered that were made").isGreaterThanOrEqualTo(0.80);
        assertThat(stories.recall()).as("story points made that were named as covered").isGreaterThanOrEqualTo(0.66);
        assertThat(stories.inBand(Evaluation.Label.STRONG)).as("stories making every point, 4-5").isGreaterThanOrEqualTo(0.90);
    }

    /**
     * Right answers that use negations freely or name a common wrong belief to reject it ("people often think X,
     * but..."): 42 of 264 were told they were not right before the coach read reported beliefs as reported, 13 after.
     * A floor at that, so a change cannot quietly go back to reading a rejected myth as the candidate's claim.
     */
    @Test
    void rightAnswersThatRejectAMythAreNotToldTheyAreWrong() {
        List<Evaluation.Case> myths = Evaluation.load(Path.of("src", "test", "resources", "eval-rejected-myths"));
        Evaluation.Report report = new Evaluation(SentenceModelForTests.BANKS, SentenceModelForTests.ENGINE).run(myths);
        assertThat(report.scored()).hasSize(264);
        assertThat(report.scored().stream().filter(s -> !s.feedback().wrongClaims().isEmpty()).count())
                .as("right answers told they are not right").isLessThanOrEqualTo(13);
        assertThat(report.inBand(Evaluation.Label.CONCISE)).as("right answers 4-5").isGreaterThanOrEqualTo(0.88);
    }

    @Test
    void whatTheCoachSaysTheCandidateSaidIsAlwaysTheirOwnWords() {
        for (Evaluation.Scored s : test.scored()) {
            String answer = s.example().answer().replaceAll("\\s+", " ");
            for (TalkingPointMatcher.Match m : s.feedback().covered()) {
                if (m.ownWords()) {
                    assertThat(answer).as("evidence for " + m.point().id()).contains(m.evidence().replace("...", ""));
                }
            }
            for (Feedback.WrongClaim w : s.feedback().wrongClaims()) {
                assertThat(answer).as("evidence of a wrong claim").contains(w.evidence().replace("...", ""));
            }
        }
    }

    @Test
    void spearmanOfAPerfectOrderIsOne() {
        assertThat(Evaluation.spearman(new double[] {0, 1, 2, 3}, new double[] {1, 2, 4, 5})).isEqualTo(1.0);
        assertThat(Evaluation.spearman(new double[] {0, 0, 1, 1}, new double[] {1, 1, 5, 5})).isEqualTo(1.0);
        assertThat(Evaluation.spearman(new double[] {0, 1, 2}, new double[] {3, 2, 1})).isEqualTo(-1.0);
    }
}
