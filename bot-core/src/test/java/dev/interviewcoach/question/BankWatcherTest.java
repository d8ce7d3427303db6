package dev.interviewcoach.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running bot picks up bank edits without a restart, and a broken edit does not lose the bank. */
class BankWatcherTest {

    @TempDir
    Path dir;

    private static String bank(String title, String questionText) {
        return TeamBank.yaml(title, questionText, "kotlin, postgres");
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
}
