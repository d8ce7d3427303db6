package dev.interviewcoach.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.interviewcoach.feedback.RuleBasedFeedbackEngine;
import dev.interviewcoach.text.TextAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running bot picks up bank edits without a restart, and a broken edit does not lose the bank. */
class BankWatcherTest {

    @TempDir
    Path dir;

    private static String bank(String title, String questionText) {
        return bank(title, questionText, "kotlin, postgres");
    }

    private static String bank(String title, String questionText, String shownBy) {
        return """
                track: team-custom
                title: %s
                questions:
                  - id: our-stack
                    kind: technical
                    difficulty: 1
                    question: %s
                    why: We use it every day.
                    guidance: Name the parts and why.
                    talking_points:
                      - id: parts
                        point: Names the parts.
                        shown_by: [%s]
                    example_answer: Kotlin services on Postgres.
                """.formatted(title, questionText, shownBy);
    }

    private static void awaitTitle(BankCatalog catalog, String title) {
        await("the bank's title to become " + title).atMost(Duration.ofSeconds(10))
                .until(() -> catalog.current().track("team-custom").map(Bank::title).orElse(""), title::equals);
    }

    @Test
    void editsAreLoadedAndABrokenEditKeepsTheLastGoodVersion() throws Exception {
        Path file = dir.resolve("team.yaml");
        Files.writeString(file, bank("Team v1", "What is our stack?"));
        BankCatalog catalog = BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.of(dir)));
        try (BankWatcher watcher = new BankWatcher(dir, new BankReader(), catalog)) {
            assertThat(catalog.current().track("python-developer")).isPresent();
            awaitTitle(catalog, "Team v1");

            Files.writeString(file, bank("Team v2", "What is our stack, and why?"));
            awaitTitle(catalog, "Team v2");

            Files.writeString(file, "track: team-custom\ntitle: Team v3\nquestions: [oops");
            assertThat(watcher.reload()).isNotEmpty();
            assertThat(catalog.current().track("team-custom")).map(Bank::title).hasValue("Team v2");
            assertThat(catalog.current().problems()).isNotEmpty();

            Files.delete(file);
            watcher.reload();
            assertThat(catalog.current().track("team-custom")).isEmpty();
        }
    }

    @Test
    void answersAfterAnEditAreJudgedByTheEditedBankAndUnchangedQuestionsAsBefore() throws Exception {
        Path file = dir.resolve("team.yaml");
        Files.writeString(file, bank("Team v1", "What is our stack?"));
        BankCatalog catalog = BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.of(dir)));
        RuleBasedFeedbackEngine engine = new RuleBasedFeedbackEngine(catalog, new TextAnalyzer());
        String story = "I promised a client a launch date without asking the team, and that was my fault. We missed it by"
                + " three weeks and lost the renewal. Since then I never commit to a date before the team estimates it.";
        try (BankWatcher watcher = new BankWatcher(dir, new BankReader(), catalog)) {
            awaitTitle(catalog, "Team v1");
            assertThat(covered(engine, catalog, "team-custom", "our-stack", "Our services are Kotlin on Postgres."))
                    .containsExactly("parts");
            List<String> storyBefore = covered(engine, catalog, "behavioral", "failure-and-lesson", story);
            assertThat(storyBefore).contains("ownership");

            // the team adds the words its people use; the point is read with them at once, without a restart
            Files.writeString(file, bank("Team v2", "What is our stack?", "kotlin, postgres, ktor"));
            awaitTitle(catalog, "Team v2");
            assertThat(covered(engine, catalog, "team-custom", "our-stack", "We write Ktor services.")).containsExactly("parts");
            // and a built-in question the edit did not touch, loaded again with the rest, is judged as it was
            assertThat(covered(engine, catalog, "behavioral", "failure-and-lesson", story)).isEqualTo(storyBefore);
        }
    }

    private static List<String> covered(RuleBasedFeedbackEngine engine, BankCatalog catalog, String track, String id,
                                        String answer) {
        Question question = catalog.current().question(track, id).orElseThrow();
        return engine.assess(question, answer).covered().stream().map(m -> m.point().id()).toList();
    }
}
