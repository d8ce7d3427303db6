package dev.interviewcoach.console;

import static dev.interviewcoach.testkit.llm.FakeModelServer.completion;
import static dev.interviewcoach.testkit.llm.FakeModelServer.review;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.app.Coach;
import dev.interviewcoach.feedback.RuleBasedFeedbackEngine;
import dev.interviewcoach.feedback.reviewer.LanguageModelReviewer;
import dev.interviewcoach.feedback.reviewer.ReviewerSettings;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.observe.CoachMetrics;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.testkit.llm.FakeModelServer;
import dev.interviewcoach.text.TextAnalyzer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A practice question in the console with the reviewer wired in by Coach, as chat has it. */
class ConsoleReviewerTest {

    private static final QuestionBanks BANKS = QuestionBanks.load(new BankReader(), Optional.empty());

    /** Sound on the GIL, with one wrong claim no misconception of the question describes. */
    private static final String ANSWER = """
            The GIL lets only one thread run Python bytecode at a time, so threads do not speed up CPU-bound work;
            for that I use multiprocessing. For I/O-bound work asyncio runs many connections on one thread.
            Processes share memory for free, so passing big results back costs nothing.
            """;

    /** The fake answers at once; the generous timeout only keeps a loaded build machine from timing it out. */
    private static final Duration PATIENT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private FakeModelServer server;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String practise() throws IOException {
        Database database = Database.sqlite(dir.resolve("coach.db"));
        database.migrate();
        CoachMetrics metrics = new CoachMetrics(registry);
        LanguageModelReviewer reviewer = LanguageModelReviewer.of(ReviewerSettings.of(server.url(), "fake-model",
                Optional.empty(), PATIENT, 20), metrics.reviewer(), Clock.systemUTC());
        try (Coach coach = new Coach(database, BankCatalog.of(BANKS), Optional.empty(),
                new MockInterviewFeature.Settings("python-developer", 5, 20, false),
                new Coach.DailySettings("python-developer", Duration.ofHours(2)), Clock.systemUTC(), new Random(42),
                metrics, Optional.empty(), Optional.of(reviewer))) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            ConsoleSession session = new ConsoleSession(coach.engine(), coach.interviews(), coach.sessions(),
                    new ConsoleChatPort(out, new ConsoleRenderer(false)), out, Clock.systemUTC());
            session.run(ConsoleSession.user("ada"), "ask the GIL, threads and asyncio",
                    new BufferedReader(new StringReader(ANSWER + "\n")));
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private int engineScore() {
        return new RuleBasedFeedbackEngine(BankCatalog.of(BANKS), new TextAnalyzer())
                .assess(BANKS.question("python-developer", "gil-and-concurrency").orElseThrow(), ANSWER.strip()).score();
    }

    @Test
    void theReviewersWrongClaimTakesOnePointOffAndThePersonIsToldWhy() throws IOException {
        server = FakeModelServer.start(request -> completion(review(Map.of(), List.<String[]>of(new String[] {
                "Processes share memory for free", "Processes have separate memory; results are pickled and copied."}),
                "How would you share a large array?", List.of("Say what moving data between processes costs.",
                        "Name when threads are the right call.")), 800, 90));
        String out = practise();
        int engine = engineScore();
        assertThat(engine).isGreaterThan(1);
        assertThat(out).as("reviewer calls by outcome: %s", registry.find("coach.reviewer.calls").counters().stream()
                        .map(c -> c.getId().getTag("outcome") + "=" + c.count()).toList())
                .contains("Score " + (engine - 1) + "/5")
                .contains("The reviewer found a claim that is not right")
                .contains("Processes have separate memory; results are pickled and copied.")
                .contains("Say what moving data between processes costs.");
        assertThat(server.requests()).singleElement().satisfies(seen -> {
            assertThat(seen.user()).contains("GIL");
            assertThat(seen.answer()).isEqualTo(ANSWER.strip());
        });
        assertThat(registry.find("coach.reviewer.calls").tag("outcome", "answered").counter().count()).isEqualTo(1);
    }

    @Test
    void aFailingReviewerLeavesTheEnginesFeedbackAsItIs() throws IOException {
        server = FakeModelServer.start(request -> FakeModelServer.status(500));
        String out = practise();
        assertThat(out).contains("Score " + engineScore() + "/5").doesNotContain("reviewer");
        assertThat(registry.find("coach.reviewer.calls").tag("outcome", "failed").counter().count()).isEqualTo(1);
    }
}
