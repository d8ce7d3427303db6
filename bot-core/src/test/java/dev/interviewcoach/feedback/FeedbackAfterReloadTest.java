package dev.interviewcoach.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.interviewcoach.question.Bank;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.BankWatcher;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.question.TeamBank;
import dev.interviewcoach.text.TextAnalyzer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feedback while a bank is edited under a running bot: the edit is used at once, and nothing else changes. */
class FeedbackAfterReloadTest {

    @TempDir
    Path dir;

    private static String bank(String title, String shownBy) {
        return TeamBank.yaml(title, "What is our stack?", shownBy);
    }

    @Test
    void answersAfterAnEditAreJudgedByTheEditedBankAndUnchangedQuestionsAsBefore() throws Exception {
        Path file = dir.resolve("team.yaml");
        Files.writeString(file, bank("Team v1", "kotlin, postgres"));
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
            Files.writeString(file, bank("Team v2", "kotlin, postgres, ktor"));
            awaitTitle(catalog, "Team v2");
            assertThat(covered(engine, catalog, "team-custom", "our-stack", "We write Ktor services.")).containsExactly("parts");
            // and a built-in question the edit did not touch, loaded again with the rest, is judged as it was
            assertThat(covered(engine, catalog, "behavioral", "failure-and-lesson", story)).isEqualTo(storyBefore);
            // what was worked out for the question's first version is let go
            assertThat(engine.questionsPrepared()).isEqualTo(2);
        }
    }

    private static List<String> covered(RuleBasedFeedbackEngine engine, BankCatalog catalog, String track, String id,
                                        String answer) {
        Question question = catalog.current().question(track, id).orElseThrow();
        return engine.assess(question, answer).covered().stream().map(m -> m.point().id()).toList();
    }

    private static void awaitTitle(BankCatalog catalog, String title) {
        await("the bank's title to become " + title).atMost(Duration.ofSeconds(10))
                .until(() -> catalog.current().track("team-custom").map(Bank::title).orElse(""), title::equals);
    }
}
