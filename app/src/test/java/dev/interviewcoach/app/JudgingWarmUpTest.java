package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.interviewcoach.feedback.RuleBasedFeedbackEngine;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.BankWatcher;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.text.TextAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Judging readied in the background after a start: what operators see of it, and that it gives way to events. */
class JudgingWarmUpTest {

    @TempDir
    Path customBanks;

    private final TextAnalyzer analyzer = new TextAnalyzer();
    private final BankCatalog banks = BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty()));
    private final RuleBasedFeedbackEngine engine = new RuleBasedFeedbackEngine(banks, analyzer);

    @AfterEach
    void closeAnalyzer() {
        analyzer.close();
    }

    @Test
    void itSaysHowFarItGotAndThenThatJudgingIsReady() throws Exception {
        try (JudgingWarmUp warmUp = JudgingWarmUp.start(engine, banks, () -> 0)) {
            assertThat(warmUp.state()).matches("getting ready in the background \\(\\d+ of \\d+ questions\\)|ready .*");
            await().atMost(Duration.ofSeconds(60)).until(warmUp::state,
                    s -> s.matches("ready \\(" + engine.questionsToPrepare() + " questions, readied in \\d+ ms\\)"));
        }
    }

    @Test
    void whileEventsAreInHandItGivesWayAndGoesOnWhenTheyAreDone() throws Exception {
        AtomicInteger eventsInHand = new AtomicInteger(1);
        try (JudgingWarmUp warmUp = JudgingWarmUp.start(engine, banks, eventsInHand::get)) {
            Thread.sleep(500);
            // One question, then it waits for the event (up to two seconds) before the next.
            assertThat(warmUp.state()).matches("getting ready in the background \\([01] of \\d+ questions\\)");
            eventsInHand.set(0);
            await().atMost(Duration.ofSeconds(60)).until(warmUp::state, s -> s.startsWith("ready ("));
        }
    }

    @Test
    void aBankEditedWhileTheCoachRunsIsReadiedToo() throws Exception {
        BankCatalog withCustom = BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.of(customBanks)));
        RuleBasedFeedbackEngine onCustom = new RuleBasedFeedbackEngine(withCustom, analyzer);
        int builtIn = onCustom.questionsToPrepare();
        try (BankWatcher watcher = new BankWatcher(customBanks, new BankReader(), withCustom);
             JudgingWarmUp warmUp = JudgingWarmUp.start(onCustom, withCustom, () -> 0)) {
            await().atMost(Duration.ofSeconds(60)).until(warmUp::state, s -> s.startsWith("ready ("));

            Files.writeString(customBanks.resolve("team.yaml"), """
                    track: team-custom
                    title: Our team
                    questions:
                      - id: our-stack
                        kind: technical
                        difficulty: 1
                        question: What is our stack?
                        why: We use it every day.
                        guidance: Name the parts and why.
                        talking_points:
                          - id: parts
                            point: Names the parts.
                            shown_by: [kotlin, postgres]
                        example_answer: Kotlin services on Postgres.
                    """);
            watcher.reload();

            await().atMost(Duration.ofSeconds(60)).until(warmUp::state, s -> s.matches(
                    "ready again after the banks changed \\(" + (builtIn + 1) + " questions, readied in \\d+ ms\\)"));
        }
    }

    @Test
    void aStopEndsItBeforeItIsReady() throws Exception {
        JudgingWarmUp warmUp = JudgingWarmUp.start(engine, banks, () -> 1);
        Thread.sleep(200);

        warmUp.close();

        assertThat(warmUp.state()).startsWith("stopped before it was ready");
    }
}
