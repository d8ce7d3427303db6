package dev.interviewcoach.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.console.ConsoleChatPort;
import dev.interviewcoach.console.ConsoleRenderer;
import dev.interviewcoach.console.ConsoleSession;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.progress.AnswerRetention;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.Inbox;
import dev.interviewcoach.store.Outbox;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** privacy.keepAnswersDays: the words of old answers are erased, and what was made of them stays. */
class AnswerRetentionTest {

    private static final String ANSWER = """
            The GIL lets only one thread run Python bytecode at a time, so threads do not speed up CPU-bound work.
            For CPU-bound jobs I use multiprocessing; for I/O-bound work such as many HTTP calls I use asyncio.
            """;

    @TempDir
    Path dir;

    private static String console(Coach coach, String user, String start, String typed) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        new ConsoleSession(coach.engine(), coach.interviews(), coach.sessions(),
                new ConsoleChatPort(out, new ConsoleRenderer(false)), out, Clock.systemUTC())
                .run(ConsoleSession.user(user), start, new BufferedReader(new StringReader(typed)));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<Map<String, Object>> answers(Database db) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT answer_text, score FROM mock_answer ORDER BY answered_at")
                .mapToMap().list());
    }

    @Test
    void oldAnswersLoseTheirWordsButKeepTheirScoresAndRecentOnesAreUntouched() throws Exception {
        Database db = Database.sqlite(dir.resolve("coach.db"));
        db.migrate();
        try (Coach coach = new Coach(db, BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty())),
                Optional.empty(), new MockInterviewFeature.Settings("python-developer", 5, 20), Clock.systemUTC(),
                new Random())) {
            console(coach, "lea", "mock python-developer 1 --no-followups", ANSWER + "\n");
            String before = console(coach, "lea", "history", "quit\n");
            Instant between = Instant.now();
            Thread.sleep(5);
            console(coach, "lea", "mock python-developer 1 --no-followups", ANSWER + "\n");
            db.jdbi().useHandle(h -> h.execute("INSERT INTO daily_answer (subscription_id, local_date, platform, tenant,"
                    + " user_id, question_id, answer_text, score, covered, missed, share, answered_at) VALUES ('s', "
                    + "'2026-01-05', 'SLACK', 'T1', 'U1', 'q', 'my answer of the day', 3, '', '', 0, ?)",
                    between.minus(Duration.ofDays(40)).toEpochMilli()));

            AnswerRetention retention = new AnswerRetention(db.jdbi(), Duration.ofDays(30));
            assertThat(retention.eraseBefore(between)).isEqualTo(2); // lea's first answer and the daily one

            List<Map<String, Object>> kept = answers(db);
            assertThat(kept).hasSize(2);
            assertThat(kept.get(0).get("answer_text")).isNull();
            assertThat(kept.get(0).get("score")).isNotNull();
            assertThat((String) kept.get(1).get("answer_text")).contains("The GIL lets only one thread");
            String daily = db.jdbi().withHandle(h -> h.createQuery("SELECT answer_text FROM daily_answer")
                    .mapTo(String.class).one());
            assertThat(daily).isEmpty();

            String after = console(coach, "lea", "history", "quit\n");
            assertThat(after).as("the first interview's line is as it was").contains(before.lines()
                    .filter(l -> l.startsWith("2. ") || l.startsWith("1. ")).findFirst().orElseThrow().substring(3));
            assertThat(retention.eraseBefore(between)).as("nothing left to erase").isZero();

            String review = console(coach, "lea", "review 2", "quit\n");
            assertThat(review).as("the erased interview, reviewed").contains("The words of this answer are no longer kept")
                    .contains("Score ");

            // A peer pairing's answer the interviewer never scored is as old as its pairing.
            long old = between.minus(Duration.ofDays(40)).toEpochMilli();
            db.jdbi().useHandle(h -> {
                h.execute("INSERT INTO peer_pairing (id, platform, tenant, channel_id, local_date, track, first_user,"
                        + " second_user, place_channel, place_kind, turn, first_showed, second_showed, window_ends,"
                        + " created_at) VALUES ('p1', 'SLACK', 'T1', 'C1', '2026-10-01', 'python-developer', 'U1', 'U2',"
                        + " 'C1', 'CHANNEL', 0, 1, 1, ?, ?)", old, old);
                h.execute("INSERT INTO peer_turn (pairing_id, turn, platform, tenant, interviewer, candidate, question_id,"
                        + " answer_text, covered) VALUES ('p1', 0, 'SLACK', 'T1', 'U1', 'U2', 'q', 'never scored', '')");
            });
            assertThat(retention.eraseBefore(between)).isEqualTo(1);
            Optional<String> peer = db.jdbi().withHandle(h -> h.createQuery("SELECT answer_text FROM peer_turn")
                    .mapTo(String.class).findOne());
            assertThat(peer).isEmpty();
        }
    }

    @Test
    void eventsAndRepliesStillWaitingThatLongAreGivenUpWithTheirWords() {
        Instant now = Instant.parse("2026-12-07T09:00:00Z");
        try (Database db = Database.sqlite(dir.resolve("waiting.db"))) {
            db.migrate();
            // Recorded 40 days ago for a platform turned off since, and an hour ago.
            Inbox then = new Inbox(db.jdbi(), Clock.fixed(now.minus(Duration.ofDays(40)), ZoneOffset.UTC));
            Inbox recent = new Inbox(db.jdbi(), Clock.fixed(now.minus(Duration.ofHours(1)), ZoneOffset.UTC));
            UserRef ana = new UserRef(Platform.SLACK, "T1", "U1");
            Place dm = Place.direct(Platform.SLACK, "T1", "D1");
            then.record(new Inbound.Message("old-event", ana, dm, "my old answer about the GIL", now.minus(Duration.ofDays(40))));
            recent.record(new Inbound.Message("new-event", ana, dm, "my new answer", now.minus(Duration.ofHours(1))));
            then.outbox().add("lane", Platform.SLACK, "old-event", ana, Outbox.Op.POST, "{\"text\":\"you said: my old answer\"}");
            recent.outbox().add("lane", Platform.SLACK, "new-event", ana, Outbox.Op.POST, "{\"text\":\"you said: my new answer\"}");

            new AnswerRetention(db.jdbi(), Duration.ofDays(30)).eraseBefore(now.minus(Duration.ofDays(30)));

            Inbox today = new Inbox(db.jdbi(), Clock.fixed(now, ZoneOffset.UTC));
            assertThat(today.event("old-event")).as("given up, its words gone").isEmpty();
            assertThat(today.event("new-event")).as("still waiting, for when its platform is back").isPresent();
            assertThat(today.pendingCount()).isEqualTo(1);
            assertThat(today.outbox().pendingCount()).isEqualTo(1);
            String stored = db.jdbi().withHandle(h -> String.join("\n", h.createQuery(
                    "SELECT COALESCE(payload, '') || ' ' || status FROM processed_event UNION ALL"
                            + " SELECT payload || ' ' || status || ' ' || COALESCE(last_error, '') FROM outbox_reply")
                    .mapTo(String.class).list()));
            assertThat(stored).doesNotContain("old answer").contains("my new answer")
                    .contains("FAILED not delivered within privacy.keepAnswersDays (30 days)");
        }
    }

    @Test
    void itIsOffUnlessConfiguredAndSaysWhatZeroMeans() {
        assertThat(CoachConfig.load(Optional.empty(), Map.of()).privacy().keepAnswersDays()).isZero();
        assertThat(CoachConfig.load(Optional.empty(), Map.of("COACH_PRIVACY_KEEP_ANSWERS_DAYS", "90")).privacy()
                .keepAnswersDays()).isEqualTo(90);
        try {
            CoachConfig.load(Optional.empty(), Map.of("COACH_PRIVACY_KEEP_ANSWERS_DAYS", "3"));
            throw new AssertionError("3 days was accepted");
        } catch (CoachConfig.ConfigException e) {
            assertThat(e.getMessage()).contains("answers must be kept at least 7 days").contains("or 0 to keep them");
        }
        try {
            CoachConfig.load(Optional.empty(), Map.of("COACH_PRIVACY_KEEP_ANSWERS_DAYS", "a month"));
            throw new AssertionError("a month was accepted");
        } catch (CoachConfig.ConfigException e) {
            assertThat(e.getMessage()).contains("privacy.keepAnswersDays").contains("0 or more")
                    .contains("answers are kept until the person deletes them");
        }
    }
}
