package dev.interviewcoach.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.app.Coach;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.interview.AnswerRecord;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.interview.MockSession;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.store.Database;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console driven as a person would: lines typed on standard input, replies read on standard output. */
class ConsoleSessionTest {

    @TempDir
    Path dir;

    private static final String GIL_ANSWER = """
            The GIL lets only one thread run Python bytecode at a time, so threads do not speed up CPU-bound work.
            For CPU-bound jobs I use multiprocessing or a ProcessPoolExecutor; for I/O-bound work such as many
            HTTP calls I use asyncio with an event loop, or threads when the library is blocking.
            """;

    private Coach coach(Path db) {
        Database database = Database.sqlite(db);
        database.migrate();
        return new Coach(database, BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty())), Optional.empty(),
                new MockInterviewFeature.Settings("python-developer", 5, 20), Clock.systemUTC(), new Random(42));
    }

    private String run(Coach coach, String user, String start, Reader input) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ConsoleSession session = new ConsoleSession(coach.engine(), coach.interviews(), coach.sessions(),
                new ConsoleChatPort(out, new ConsoleRenderer(false)), out, Clock.systemUTC());
        try {
            session.run(ConsoleSession.user(user), start, new BufferedReader(input));
        } catch (IOException killed) {
            // the test's stand-in for a process killed mid-interview
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aChannelCommandOnTheConsoleSaysWhereItsChannelSimulationIs() throws IOException {
        try (Coach coach = coach(dir.resolve("channel.db"))) {
            String out = run(coach, "cora", "mock python 3", new StringReader("end\ndaily subscribe\ndigest weekly\n"
                    + "pair on\nquit\n"));
            assertThat(out.split("./coach console --channel simulates one", -1)).as("said for daily, digest and pair")
                    .hasSize(4);
        }
    }

    @Test
    void quitOrExitInTheMiddleOfAnInterviewLeavesTheConsoleAndKeepsTheInterview() throws IOException {
        try (Coach coach = coach(dir.resolve("quit.db"))) {
            for (String word : new String[] {"quit", "Exit"}) {
                String out = run(coach, "quinn", "mock python 3", new StringReader(word + "\n"));
                assertThat(out).contains("Your interview is kept").doesNotContain("Score 1/5").doesNotContain("Scorecard");
                assertThat(coach.sessions().activeFor(ConsoleSession.user("quinn"))).as("still there to resume")
                        .isPresent();
            }
        }
    }

    @Test
    void withFollowUpsOnAnAnswerThatMissesPointsIsProbedOnceAndBothScoresReachTheScorecardAndSurviveARestart()
            throws IOException {
        Path db = dir.resolve("follow.db");
        Database database = Database.sqlite(db);
        database.migrate();
        String firstPart = "I would measure first.\n\n";
        try (Coach coach = new Coach(database, BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty())),
                Optional.empty(), new MockInterviewFeature.Settings("python-developer", 5, 20, true), Clock.systemUTC(),
                new Random(42))) {
            String out = run(coach, "fay", "mock python 2", dying(firstPart));
            assertThat(out).contains("== A follow-up on question 1 of 2 ==").doesNotContain("Question 2 of 2");
            assertThat(coach.sessions().activeFor(ConsoleSession.user("fay")))
                    .hasValueSatisfying(s -> assertThat(s.awaitingFollowUp()).isTrue());
        }
        try (Coach again = coach(db)) {
            String out = run(again, "fay", "mock python 2", new StringReader(
                    "skip\n" + GIL_ANSWER + "\n"));
            assertThat(out).as("resumed at the follow-up it was waiting on").contains("Again, a follow-up on question 1 of 2")
                    .contains("Follow-up skipped").contains("Question 2 of 2");
            assertThat(out).as("the scorecard at the end of input").contains("(follow-up skipped)");
        }
    }

    /** Input that ends like a killed process: no end of file, an error. */
    private static Reader dying(String typed) {
        StringReader text = new StringReader(typed);
        return new Reader() {
            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                int n = text.read(buf, off, len);
                if (n < 0) {
                    throw new IOException("killed");
                }
                return n;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void aWholeFiveQuestionInterviewEndsWithAScorecard() throws IOException {
        String input = GIL_ANSWER + "\n"
                + "hint\n"
                + "I would just try things.\n\n"
                + "skip\n"
                + "repeat\n"
                + "A second line\nof a multi-line answer.\n\n"
                + "\n\nI would measure first.\n\n";
        try (Coach coach = coach(dir.resolve("coach.db"))) {
            String out = run(coach, "ada", "mock python 5", new StringReader(input));
            assertThat(out).contains("Question 1 of 5").contains("Question 5 of 5");
            assertThat(out).contains("Hint 1 of").contains("Skipped.").contains("Again, question");
            assertThat(out).contains("== Scorecard: python-developer ==");
            assertThat(out).contains("Answered: 4 of 5").contains("Skipped: 1");
            assertThat(out).doesNotContain("\u001b[");
            assertThat(coach.sessions().activeFor(ConsoleSession.user("ada"))).isEmpty();
        }
    }

    @Test
    void aCommandWordOnTheFirstLineRunsAtOnceAndTheQuestionStaysOpen() throws IOException {
        try (Coach coach = coach(dir.resolve("coach.db"))) {
            String out = run(coach, "ada", "mock python 1", new StringReader("help\nstats\n" + GIL_ANSWER + "\n"));
            assertThat(out).as("help lists a group by its commands, pointing to the rest")
                    .contains("daily subscribe | unsubscribe | status").contains("help daily: each in full")
                    .doesNotContain("[difficulty:1-3]");
            assertThat(out).contains("== Your progress ==");
            assertThat(out.indexOf("== Your progress ==")).as("before the answer is scored")
                    .isLessThan(out.indexOf("== Score"));
            assertThat(out).as("the lines after it are the answer, scored").contains("== Score ")
                    .contains("== Scorecard");
            // a word that is not a command starts the answer as usual
            String two = run(coach, "bob", "mock python 1", new StringReader("Threads\nhelp when work waits on I/O.\n\n"));
            assertThat(two).doesNotContain("== Interview Coach ==").contains("== Score");
        }
    }

    private static List<AnswerRecord> answers(Coach coach, String user) {
        MockSession latest = coach.sessions().recentFor(ConsoleSession.user(user), 1).getFirst();
        return coach.sessions().answers(latest.id()).stream()
                .filter(a -> a.outcome() == AnswerRecord.Outcome.ANSWERED).toList();
    }

    @Test
    void aCommandTypedWithTwoLettersSwappedIsAnsweredWithTheCommandAndNeverScoredButAOneWordAnswerIs()
            throws IOException {
        try (Coach coach = coach(dir.resolve("coach.db"))) {
            String out = run(coach, "ada", "mock python 1 --no-followups",
                    new StringReader("hlep\nstast\nsikp\n\nhistroy\n\nheap\n\n"));
            assertThat(out).contains("I don't know the command \"hlep\". Did you mean \"help\"? Your question is still"
                    + " open").contains("Did you mean \"stats\"?").contains("Did you mean \"history\"?")
                    .as("a move with two letters swapped too").contains("Did you mean \"skip\"?");
            assertThat(out.split("== Score ", -1)).as("only the answer is scored").hasSize(2);
            assertThat(answers(coach, "ada")).singleElement()
                    .satisfies(a -> assertThat(a.answerText()).as("a real word one letter from help").isEqualTo("heap"));
        }
    }

    @Test
    void hintAndSkipOnALaterLineOfAnAnswerActAtOnceAndHintKeepsTheLinesSoFar() throws IOException {
        try (Coach coach = coach(dir.resolve("coach.db"))) {
            String out = run(coach, "ada", "mock python 2 --no-followups", new StringReader(
                    "The GIL lets only one thread run Python bytecode at a time.\nhint\n"
                            + "For I/O-bound work threads help, since the GIL is released while waiting.\n\n"
                            + "A first thought\nskip\n"));
            assertThat(out).contains("Hint 1 of").contains("Your answer so far is kept")
                    .contains("(Skipping: the line you had typed for it is not scored.)").contains("Skipped.");
            assertThat(answers(coach, "ada").getFirst().answerText())
                    .as("both lines, and not the word hint").isEqualTo("The GIL lets only one thread run Python bytecode"
                            + " at a time.\nFor I/O-bound work threads help, since the GIL is released while waiting.");
        }
    }

    @Test
    void anInterviewAskedForWhileOneIsInProgressSaysThatOneGoesOn() throws IOException {
        try (Coach coach = coach(dir.resolve("coach.db"))) {
            run(coach, "ada", "mock python 3 --no-followups", dying(GIL_ANSWER + "\n\n"));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            new ConsoleSession(coach.engine(), coach.interviews(), coach.sessions(),
                    new ConsoleChatPort(out, new ConsoleRenderer(false)), out, Clock.systemUTC())
                    .run(ConsoleSession.user("ada"), "mock java-backend 7", true, new BufferedReader(new StringReader("")));
            assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("resuming your python-developer interview at question 2")
                    .contains("(Your interview in progress goes on. To start the one you asked for, type end, then"
                            + " mock java-backend 7.)");
        }
    }

    @Test
    void endOnALaterLineIsPartOfTheAnswerSinceCodeClosesWithIt() throws IOException {
        try (Coach coach = coach(dir.resolve("coach.db"))) {
            String out = run(coach, "ada", "mock sql 2 --no-followups", new StringReader(
                    "SELECT CASE\n  WHEN amount > 0 THEN 'up'\nEND\nFROM sales;\n\n"));
            assertThat(out).contains("== Score ").contains("Question 2 of 2");
        }
    }

    @Test
    void blankLinesAfterAnInterviewGiveThePromptBackNotTheHintAgain() throws IOException {
        try (Coach coach = coach(dir.resolve("coach.db"))) {
            String out = run(coach, "ada", "mock python 1", new StringReader("end\n\n\n\ntracks\n\n"));
            String hint = "Type mock to start another interview, tracks to see them all, or quit.";
            assertThat(out.split(java.util.regex.Pattern.quote(hint), -1)).as("once after the scorecard, once after tracks")
                    .hasSize(3);
            assertThat(out).contains("== Tracks ==");
        }
    }

    @Test
    void endOfInputHandsInTheTypedAnswerAndEndsWithTheScorecardSoFar() throws IOException {
        try (Coach coach = coach(dir.resolve("coach.db"))) {
            String out = run(coach, "ada", "mock python 5", new StringReader("My unfinished answer about caching"));
            assertThat(out).contains("Score ").contains("Scorecard: python-developer (ended early)")
                    .contains("Answered: 1 of 5").contains("not reached");
        }
    }

    @Test
    void aKilledInterviewResumesAtTheSameQuestion() throws IOException {
        Path db = dir.resolve("coach.db");
        String questionTwo;
        try (Coach coach = coach(db)) {
            Reader dying = new Reader() {
                private final StringReader typed = new StringReader(GIL_ANSWER + "\n");

                @Override
                public int read(char[] buf, int off, int len) throws IOException {
                    int n = typed.read(buf, off, len);
                    if (n < 0) {
                        throw new IOException("killed");
                    }
                    return n;
                }

                @Override
                public void close() {
                }
            };
            String out = run(coach, "grace", "mock python 3", dying);
            assertThat(out).contains("Question 2 of 3").doesNotContain("Scorecard");
            MockSession open = coach.sessions().activeFor(ConsoleSession.user("grace")).orElseThrow();
            assertThat(open.position()).isEqualTo(1);
            questionTwo = coach.banks().question(open.track(), open.currentQuestionId()).orElseThrow().text();
        }
        try (Coach coach = coach(db)) {
            String out = run(coach, "grace", "mock python 3", new StringReader("end\n"));
            assertThat(out).contains("Welcome back: resuming your python-developer interview at question 2 of 3");
            assertThat(out).contains(questionTwo);
            assertThat(out).contains("Answered: 1 of 3");
        }
    }

    @Test
    void anotherPersonOnTheSameDatabaseStartsTheirOwn() throws IOException {
        Path db = dir.resolve("coach.db");
        try (Coach coach = coach(db)) {
            run(coach, "ada", "mock python 2", new StringReader("skip\n"));
            String out = run(coach, "bob", "mock behavioral 2", new StringReader(""));
            assertThat(out).contains("Question 1 of 2").doesNotContain("Welcome back");
            UserRef ada = ConsoleSession.user("ada");
            assertThat(coach.sessions().recentFor(ada, 5)).hasSize(1);
        }
    }

    @Test
    void afterTheScorecardCommandsStartAnother() throws IOException {
        try (Coach coach = coach(dir.resolve("coach.db"))) {
            String out = run(coach, "ada", "mock python 1", new StringReader("skip\ntracks\nmokc\nquit\n"));
            assertThat(out).contains("Scorecard").contains("system-design").contains("Did you mean \"mock\"?");
        }
    }

    @Test
    void escapeSequencesInTextNeverReachTheTerminal() {
        assertThat(ConsoleRenderer.clean("ok\u001b[2Jstill\u0007 here\nnext")).isEqualTo("ok[2Jstill here\nnext");
    }
}
