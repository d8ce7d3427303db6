package dev.interviewcoach.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.feedback.meaning.CachedEmbedder;
import dev.interviewcoach.feedback.meaning.SentenceEmbedder;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.text.TextAnalyzer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Judging readied before anyone answers: the first answers then wait for nothing but their own reading. */
class PrepareJudgingTest {

    private static final TextAnalyzer ANALYZER = new TextAnalyzer();
    private static final List<String[]> ANSWERS = List.of(
            new String[] {"python-developer", "gil-and-concurrency", "Threads in CPython cannot run bytecode in"
                    + " parallel because of the GIL, so for number crunching I use multiprocessing; for waiting on the"
                    + " network threads or asyncio are fine. We cut a report job from nine minutes to two that way."},
            new String[] {"system-design", "design-url-shortener", "I would hash the long URL, store the mapping in a"
                    + " key-value store and put a cache in front of it, since reads outnumber writes a hundred to one."},
            new String[] {"behavioral", "conflict-with-coworker", "We disagreed about a deadline, so I asked to talk it"
                    + " through one to one, listened first, and we agreed to ship a smaller version on time."});

    @AfterAll
    static void closeAnalyzer() {
        ANALYZER.close();
    }

    /** The real model (its vectors remembered between test runs), telling which texts it was asked for. */
    private static final class AskedTexts implements SentenceEmbedder {
        final List<String> asked = Collections.synchronizedList(new ArrayList<>());

        @Override
        public String modelId() {
            return "asked-texts";
        }

        @Override
        public List<float[]> embed(List<String> texts) {
            asked.addAll(texts);
            return SentenceModelForTests.MODEL.embedFresh(texts);
        }
    }

    private static RuleBasedFeedbackEngine engineOn(SentenceEmbedder model) {
        return new RuleBasedFeedbackEngine(BankCatalog.of(SentenceModelForTests.BANKS), ANALYZER,
                Optional.of(new CachedEmbedder(model, Optional.empty())));
    }

    private static Question question(String[] answer) {
        return SentenceModelForTests.BANKS.question(answer[0], answer[1]).orElseThrow();
    }

    @Test
    void afterPreparingTheFirstAnswersAskTheModelOnlyForTheirOwnWords() {
        AskedTexts model = new AskedTexts();
        RuleBasedFeedbackEngine engine = engineOn(model);
        AtomicInteger done = new AtomicInteger();

        engine.prepare(done::set);

        assertThat(done.get()).isEqualTo(engine.questionsToPrepare()).isGreaterThan(100);
        for (String[] answer : ANSWERS) {
            model.asked.clear();
            engine.assess(question(answer), answer[2]);
            // Every text the model reads now is a piece of the answer: the question's side is ready.
            assertThat(model.asked).as(answer[1]).isNotEmpty()
                    .allSatisfy(text -> assertThat(answer[2]).contains(text.strip()));
        }
    }

    @Test
    void preparingChangesNoFeedback() {
        RuleBasedFeedbackEngine prepared = engineOn(new AskedTexts());
        prepared.prepare(n -> { });
        RuleBasedFeedbackEngine asItComes = engineOn(new AskedTexts());
        FeedbackJson json = new FeedbackJson();

        for (String[] answer : ANSWERS) {
            Question q = question(answer);
            assertThat(json.write(q, prepared.assess(q, answer[2])))
                    .isEqualTo(json.write(q, asItComes.assess(q, answer[2])));
        }
    }

    @Test
    void anInterruptedPrepareStopsBeforeTheNextQuestion() {
        RuleBasedFeedbackEngine wordsOnly = new RuleBasedFeedbackEngine(BankCatalog.of(SentenceModelForTests.BANKS),
                ANALYZER);
        List<Integer> seen = new ArrayList<>();
        try {
            wordsOnly.prepare(n -> {
                seen.add(n);
                if (n == 3) {
                    Thread.currentThread().interrupt(); // as coach run's stop does
                }
            });
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt is left for the caller to see").isTrue();
        }
        assertThat(seen).containsExactly(1, 2, 3);
    }
}
