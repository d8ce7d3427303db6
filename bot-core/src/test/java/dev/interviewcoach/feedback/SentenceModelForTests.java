package dev.interviewcoach.feedback;

import dev.interviewcoach.feedback.meaning.CachedEmbedder;
import dev.interviewcoach.feedback.meaning.MiniLmEmbedder;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.text.TextAnalyzer;
import java.util.Optional;

/** The real sentence model, loaded once for all the test classes of a run, and the engine that uses it. */
final class SentenceModelForTests {

    static final QuestionBanks BANKS = QuestionBanks.load(new BankReader(), Optional.empty());
    private static final CachedEmbedder MODEL = new CachedEmbedder(
            new MiniLmEmbedder(), Optional.empty());
    static final RuleBasedFeedbackEngine ENGINE =
            new RuleBasedFeedbackEngine(BankCatalog.of(BANKS), new TextAnalyzer(), Optional.of(MODEL));

    private SentenceModelForTests() {
    }
}
