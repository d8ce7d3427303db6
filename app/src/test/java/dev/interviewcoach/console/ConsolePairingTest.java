package dev.interviewcoach.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.app.Coach;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.store.Database;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code console --channel} with a peer pairing: the channel's pairs are scheduled, two people opt in,
 * {@code :advance} past the time pairs them; the candidate answers with {@code say}, the interviewer
 * types the card's moves, both scores show, roles swap, and the second question is scored too; export
 * carries the pairing and forget-me removes it.
 */
class ConsolePairingTest {

    @TempDir
    Path dir;

    /** Sunday 6 Dec 2026, 07:00 UTC. */
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T07:00:00Z"));

    @Test
    void aPairInterviewsEachOtherInTheTerminal() throws Exception {
        Database database = Database.sqlite(dir.resolve("coach.db"));
        database.migrate();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        String script = String.join("\n",
                "say hello",
                "pair schedule python-developer mon 10:00 UTC",
                "pair on UTC",
                ":as ben",
                "pair on UTC",
                ":advance 1d",
                ":advance 4h",
                "say I would measure first, then choose threads, asyncio or processes for the bottleneck.",
                "score 5",
                ":as ana",
                "covered 1",
                "score 4",
                ":as ben",
                "score 3",
                "pair status",
                "export",
                "forget-me confirm",
                "pair status",
                ":quit");
        try (Coach coach = new Coach(database, BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty())),
                Optional.empty(), new MockInterviewFeature.Settings("python-developer", 5, 20),
                new Coach.DailySettings("python-developer", Duration.ofHours(2)), clock, new Random(5))) {
            new ConsoleChannel(coach.consoleBot(), new ConsoleChatPort(out, new ConsoleRenderer(false), dir.resolve("charts")), clock,
                    out, "ana").run("python-developer 09:00 UTC weekdays", new BufferedReader(new StringReader(script)));
        }
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertThat(shown).contains("You have no open peer pairing")
                .contains("are made every Monday at 10:00 UTC")
                .contains("Peer mock interview")
                .contains("Your interviewer card, question 1")
                .contains("Got your answer")
                .contains("Only ana, the interviewer, marks points and scores this question")
                .contains("Marked covered: ")
                .contains("Question 1: the scores")
                .contains("Roles swap")
                .contains("Your interviewer card, question 2")
                .contains("Question 2: the scores")
                .contains("no typed answer")
                .contains("Both questions are done")
                .contains("Pairings so far: 1, with 1 different partner.")
                .contains("\"peerPairing\"").contains("\"peerInterviews\"").contains("\"role\" : \"candidate\"")
                .contains("\"peerScore\" : 4")
                .contains("Done: everything stored about you is deleted")
                .contains("You are not in it; join with pair on.")
                .as("a post whose only button opens a form shows no empty list of words to type")
                .doesNotContain("(type )");
    }
}
