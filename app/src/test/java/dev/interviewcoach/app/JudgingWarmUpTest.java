package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.interviewcoach.feedback.RuleBasedFeedbackEngine;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.text.TextAnalyzer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Judging readied in the background after a start: what operators see of it, and that it gives way to events. */
class JudgingWarmUpTest {

    private final TextAnalyzer analyzer = new TextAnalyzer();
    private final RuleBasedFeedbackEngine engine = new RuleBasedFeedbackEngine(
            BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty())), analyzer);

    @AfterEach
    void closeAnalyzer() {
        analyzer.close();
    }

    @Test
    void itSaysHowFarItGotAndThenThatJudgingIsReady() throws Exception {
        try (JudgingWarmUp warmUp = JudgingWarmUp.start(engine, () -> 0)) {
            assertThat(warmUp.state()).matches("getting ready in the background \\(\\d+ of \\d+ questions\\)|ready .*");
            await().atMost(Duration.ofSeconds(60)).until(warmUp::state,
                    s -> s.matches("ready \\(" + engine.questionsToPrepare() + " questions, readied in \\d+ ms\\)"));
        }
    }

    @Test
    void whileEventsAreInHandItGivesWayAndGoesOnWhenTheyAreDone() throws Exception {
        AtomicInteger eventsInHand = new AtomicInteger(1);
        try (JudgingWarmUp warmUp = JudgingWarmUp.start(engine, eventsInHand::get)) {
            Thread.sleep(500);
            // One question, then it waits for the event (up to two seconds) before the next.
            assertThat(warmUp.state()).matches("getting ready in the background \\([01] of \\d+ questions\\)");
            eventsInHand.set(0);
            await().atMost(Duration.ofSeconds(60)).until(warmUp::state, s -> s.startsWith("ready ("));
        }
    }

    @Test
    void aStopEndsItBeforeItIsReady() throws Exception {
        JudgingWarmUp warmUp = JudgingWarmUp.start(engine, () -> 1);
        Thread.sleep(200);

        warmUp.close();

        assertThat(warmUp.state()).startsWith("stopped before it was ready");
    }
}
