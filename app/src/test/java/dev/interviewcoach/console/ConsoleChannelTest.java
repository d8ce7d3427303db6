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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daily flow in a simulated channel: a clock moved by hand, three people, the reveal, stats and forget-me. */
class ConsoleChannelTest {

    private static final String ANSWER = "I would profile first with py-spy to find the hot path, measure p99 latency,"
            + " then fix the slowest query with an index and compare before and after; in one service that took p99"
            + " from 900 ms to 150 ms.";

    @TempDir
    Path dir;

    private String run(String script) throws Exception {
        return run("ana", script);
    }

    private String run(String name, String script) throws Exception {
        Database database = Database.sqlite(dir.resolve("coach.db"));
        database.migrate();
        // Monday 23 Nov 2026, 07:00 UTC: before the 09:00 Europe/Berlin post (08:00 UTC in winter).
        MovableClock clock = new MovableClock(Instant.parse("2026-11-23T07:00:00Z"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Coach coach = new Coach(database, BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty())),
                Optional.empty(), new MockInterviewFeature.Settings("python-developer", 5, 20),
                new Coach.DailySettings("python-developer", Duration.ofHours(2)), clock, new Random(5))) {
            new ConsoleChannel(coach.consoleBot(), new ConsoleChatPort(out, new ConsoleRenderer(false)), clock, out, name)
                    .run("python-developer 09:00 Europe/Berlin weekdays sealed", new BufferedReader(new StringReader(script)));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void threePeopleAnswerPrivatelyAndTheRevealShowsOnlyTheSharedAnswer() throws Exception {
        String shown = run(String.join("\n",
                ":advance 2h",
                "answer " + ANSWER + " (ana)",
                "share",
                ":as ben",
                "answer " + ANSWER + " (ben)",
                "share",
                "unshare",
                ":as cat",
                "answer " + ANSWER + " (cat)",
                "answer a second try",
                ":advance 1d",
                "stats",
                ":quit"));
        assertThat(shown).contains("python-developer question every weekday at 09:00 Europe/Berlin");
        assertThat(shown.indexOf("== Question of the day")).as("posted once the clock passed 09:00 Berlin").isPositive();
        assertThat(shown).contains("first answer is the one that counts");
        assertThat(shown).as("Ben took his share back").contains("Your answer stays private");
        String reveal = shown.substring(shown.indexOf("== The reveal =="));
        assertThat(reveal).contains("3 people answered").contains("(ana)").doesNotContain("(ben)").doesNotContain("(cat)");
        assertThat(shown.substring(0, shown.indexOf("== The reveal ==")).split("== Question of the day", -1))
                .as("one question before the reveal, the next after it").hasSize(2);
        assertThat(shown).contains("Daily streak: 1 day");
    }

    @Test
    void theSimulationsOwnCommandsSayWhatWasWrongAndAWeekMayPass() throws Exception {
        String shown = run(String.join("\n", ":advance 0d", ":foo", ":as", "answer", ":advance 1w", ":time", ":quit"));
        assertThat(shown).contains("That moves the clock nowhere").contains("I don't know :foo.")
                .contains("Say who, for example :as ben.").contains("Type your answer on the same line: answer ")
                .contains("Mon 30 Nov 2026");
    }

    @Test
    void anAnswerTypedWithoutAnswerIsToldHowRatherThanReadAsAnUnknownCommand() throws Exception {
        String shown = run(String.join("\n", "A list is mutable and a tuple is not.", ":advance 2h", "answer",
                "A list is mutable and a tuple is not.", "stats please", "mokc python three questions", ":quit"));
        assertThat(shown).as("before any question: a command the coach does not know, as before")
                .contains("I don't know the command \"a\"");
        assertThat(shown).contains("That reads like an answer, not a command. Start the line with answer to answer"
                + " today's question privately (answer and your words), or with reply to answer in its thread.");
        assertThat(shown.split("That reads like an answer", -1)).as("once: a command with words after it is still a"
                + " command, and a slip of one gets its suggestion").hasSize(2);
        assertThat(shown).contains("Did you mean \"mock\"?");
    }

    @Test
    void duringAPracticeInterviewTheChannelsOwnWordsStillGoToTheChannel() throws Exception {
        String shown = run(String.join("\n", ":advance 2h", "practise", "answer " + ANSWER + " (ana)", "daily status",
                "end", ":advance 1d", ":quit"));
        assertThat(shown).contains("What you type now answers the practice interview");
        assertThat(shown).as("the answer went to the question of the day, not to the practice")
                .contains("Ended before any answer, so there is nothing to score");
        assertThat(shown).doesNotContain("A question of the day belongs to a channel");
        String reveal = shown.substring(shown.indexOf("== The reveal =="));
        assertThat(reveal).contains("1 person answered");
    }

    @Test
    void forgetMeLeavesNoRowThatNamesThePerson() throws Exception {
        String shown = run("zed-the-person", String.join("\n",
                ":advance 2h",
                "answer " + ANSWER,
                "share",
                "remind on",
                "daily dm on 07:30",
                "mute",
                "practise",
                ANSWER,
                "end",
                "export",
                "forget-me",
                "forget-me confirm",
                "stats",
                ":quit"));
        assertThat(shown).contains("Question 1 of 3").contains("\"questionOfTheDayAnswers\"").contains("Delete everything about you?")
                .contains("everything stored about you is deleted").contains("Nothing scored yet");
        assertThat(shown).as("only a word that does something is offered").contains("(type forget-me confirm)\n");
        List<String> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("coach.db"));
             Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("mock_session", "mock_answer", "daily_answer", "daily_subscription", "coach_person");
            for (String table : tables) {
                try (Statement each = c.createStatement(); ResultSet rs = each.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            Object value = rs.getObject(i);
                            if (value != null && value.toString().contains("zed-the-person")) {
                                found.add(table + "." + rs.getMetaData().getColumnName(i));
                            }
                        }
                    }
                }
            }
        }
        assertThat(found).as("rows that still name the person").isEmpty();
        // Nor any byte of it left in the files: deleted pages and the write-ahead log are overwritten.
        try (var files = java.nio.file.Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("coach.db")).toList()) {
                String bytes = new String(java.nio.file.Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(file.getFileName() + " still holds the person's words")
                        .doesNotContain("from 900 ms to 150 ms").doesNotContain("zed-the-person");
            }
        }
    }

    @Test
    void aPersonTakesTheQuestionByDmAtTheirOwnTimeAndTheirAnswerCountsInTheChannel() throws Exception {
        String shown = run(String.join("\n",
                "daily dm on 07:30 Europe/Berlin",
                "daily dm",
                ":advance 2h",
                ":advance 22h",
                "answer " + ANSWER,
                ":advance 2h",
                "daily dm off",
                ":advance 1d",
                ":quit"));
        assertThat(shown).contains("You'll get this channel's question of the day by DM at 07:30 Europe/Berlin")
                .as("08:00 in Berlin now: today's time has passed").contains("starting Tuesday 24 Nov, 07:30")
                .contains("You get this channel's question of the day by DM at 07:30 Europe/Berlin.");
        String monday = shown.substring(shown.indexOf("== Question of the day"));
        String question = monday.lines().skip(1).findFirst().orElseThrow();
        int dm = shown.indexOf("== Your question of the day");
        assertThat(dm).as("Tuesday 07:30 Berlin, before the channel's 09:00").isGreaterThan(shown.indexOf("== Question of the day"));
        assertThat(shown.substring(dm)).contains(question).contains("(type answer, hint, daily dm off)");
        assertThat(shown.substring(dm).indexOf("== The reveal ==")).as("answered before the reveal, which counts it")
                .isGreaterThan(shown.substring(dm).indexOf("Score"));
        assertThat(shown.substring(shown.indexOf("== The reveal =="))).contains("1 person answered");
        assertThat(shown).contains("No more DMs of this channel's question of the day");
        assertThat(shown.split("== Your question of the day", -1)).as("one DM: none after daily dm off").hasSize(2);
    }

    @Test
    void aMockOnATopicAsksThatTopicFirstAndAnUnknownTopicListsTheTracksTopics() throws Exception {
        String shown = run(String.join("\n",
                "mock python-developer 3 on concurrency",
                "end",
                "mock python-developer 2 on knitting",
                ":quit"));
        String first = shown.substring(shown.indexOf("== Question 1 of 3 =="));
        assertThat(first.lines().limit(6).toList()).anySatisfy(l -> assertThat(l).contains("Topics: concurrency"));
        assertThat(shown).contains("has no questions on \"knitting\". Its topics: ").contains("concurrency");
    }
}
