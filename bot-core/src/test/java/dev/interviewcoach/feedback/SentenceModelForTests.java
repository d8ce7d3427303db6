package dev.interviewcoach.feedback;

import dev.interviewcoach.feedback.meaning.CachedEmbedder;
import dev.interviewcoach.feedback.meaning.MiniLmEmbedder;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.text.TextAnalyzer;
import java.nio.file.Path;
import java.util.Optional;

/** The real sentence model, loaded once for all the test classes of a run, and the engine that uses it. */
final class SentenceModelForTests {

    static final QuestionBanks BANKS = QuestionBanks.load(new BankReader(), Optional.empty());
    /**
     * Every vector the model makes is kept for the run and, under {@code target}, for the next: the
     * evaluation and the substance checks score many of the same texts (example answers, corrections,
     * sentences repeated), a quarter of the 11,600 texts they ask the model for were asked before, and
     * on a second run the model is asked only for texts that changed.
     */
    static final CachedEmbedder MODEL = new CachedEmbedder(
            new RememberingEmbedder(new MiniLmEmbedder(), Path.of("target", "sentence-vectors")), Optional.empty());
    static final RuleBasedFeedbackEngine ENGINE =
            new RuleBasedFeedbackEngine(BankCatalog.of(BANKS), new TextAnalyzer(), Optional.of(MODEL));

    private SentenceModelForTests() {
    }
}
