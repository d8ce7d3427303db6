package dev.interviewcoach.feedback;

import dev.interviewcoach.text.TextAnalyzer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The feedback engine against the labelled set: the build fails below the bars. */
class EvaluationTest {

    private static final Path SET = Path.of("src", "test", "resources", "eval");

    @Test
    void feedbackAgreesWithPeopleWellEnough() {
        QuestionBanks banks = QuestionBanks.load(new BankReader(), Optional.empty());
        List<Evaluation.Case> cases = Evaluation.load(SET);
        Evaluation.Report report = new Evaluation(banks, new RuleBasedFeedbackEngine(BankCatalog.of(banks), new TextAnalyzer())).run(cases);
        System.out.println(report.render(20));
        assertThat(cases).hasSizeGreaterThanOrEqualTo(250);
        assertThat(cases).extracting(Evaluation.Case::track).contains("python-developer", "java-backend",
                "behavioral", "system-design", "sql-and-data");
        assertThat(report.share(Evaluation.Label.STRONG, 4, 5)).as("strong answers scoring 4 or 5").isGreaterThanOrEqualTo(0.90);
        assertThat(report.share(Evaluation.Label.OFF_TOPIC, 1, 2)).as("off-topic answers scoring 1 or 2").isGreaterThanOrEqualTo(0.95);
        assertThat(report.share(Evaluation.Label.WEAK, 1, 2)).as("weak answers scoring 1 or 2").isGreaterThanOrEqualTo(0.85);
        assertThat(report.spearman()).as("Spearman correlation of score with label").isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void spearmanOfAPerfectOrderIsOne() {
        assertThat(Evaluation.spearman(new double[] {0, 1, 2, 3}, new double[] {1, 2, 4, 5})).isEqualTo(1.0);
        assertThat(Evaluation.spearman(new double[] {0, 0, 1, 1}, new double[] {1, 1, 5, 5})).isEqualTo(1.0);
        assertThat(Evaluation.spearman(new double[] {0, 1, 2}, new double[] {3, 2, 1})).isEqualTo(-1.0);
    }
}
