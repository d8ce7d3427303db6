package dev.interviewcoach.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.daily.DailyPostRepository;
import dev.interviewcoach.engine.Scheduled;
import dev.interviewcoach.interview.AnswerRecord;
import dev.interviewcoach.interview.MockSession;
import dev.interviewcoach.interview.SessionRepository;
import dev.interviewcoach.observe.CoachMetrics;
import dev.interviewcoach.schedule.JobScheduler;
import dev.interviewcoach.testkit.SharedPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same migrations and repositories on a real PostgreSQL, started by the test. */
class PostgresModeTest {

    private static Database db;

    @BeforeAll
    static void start() throws Exception {
        db = Database.open(SharedPostgres.newDatabase(), "postgres", "postgres");
        assertThat(db.migrate()).isPositive();
    }

    @AfterAll
    static void stop() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void sessionsAnswersAndTheVersionCheckWorkOnPostgres() {
        SessionRepository repo = new SessionRepository(db.jdbi());
        UserRef user = new UserRef(Platform.DISCORD, "G1", "U1");
        MockSession s = new MockSession("pg-1", user, Place.channel(Platform.DISCORD, "G1", "C1").thread("T1"), "tiny",
                List.of("a", "b"), 0, 0, MockSession.Status.ACTIVE, false, 0, Instant.parse("2026-11-25T09:00:00Z"), null);
        assertThat(repo.create(s)).isTrue();
        assertThat(repo.create(new MockSession("pg-2", user, s.place(), "tiny", List.of("a"), 0, 0,
                MockSession.Status.ACTIVE, false, 0, s.startedAt(), null))).as("one interview in progress per person").isFalse();
        AnswerRecord answer = new AnswerRecord("pg-1", 0, "a", AnswerRecord.Outcome.ANSWERED, "text", 4, List.of("x"),
                List.of(), 0, Instant.parse("2026-11-25T09:01:00Z"));
        MockSession next = new MockSession("pg-1", user, s.place(), "tiny", s.questionIds(), 1, 0, MockSession.Status.ACTIVE,
                false, 1, s.startedAt(), null);
        assertThat(repo.save(next, 0, Optional.of(answer))).isTrue();
        assertThat(repo.save(next, 0, Optional.of(answer))).as("a stale writer loses").isFalse();
        assertThat(repo.find("pg-1")).hasValue(next);
        assertThat(repo.answers("pg-1")).containsExactly(answer);
        Inbox inbox = new Inbox(db.jdbi(), Clock.systemUTC());
        assertThat(inbox.firstDelivery(InboxTest.event("pg-event"))).isTrue();
        assertThat(inbox.firstDelivery(InboxTest.event("pg-event"))).isFalse();
        assertThat(inbox.pending(java.time.Duration.ZERO, 5)).containsExactly(InboxTest.event("pg-event"));
        long reply = inbox.inTransaction(() -> {
            inbox.take("pg-event");
            return inbox.outbox().add("C1", dev.interviewcoach.chat.Platform.SLACK, "pg-event", user,
                    Outbox.Op.POST, "{\"answer\":\"with \\u0000 in it\"}");
        });
        assertThat(inbox.outbox().head("C1")).hasValueSatisfying(e -> assertThat(e.id()).isEqualTo(reply));
        assertThat(inbox.pending(java.time.Duration.ZERO, 5)).isEmpty();
    }

    @Test
    void anAnswerWithNulAndBrokenCharactersIsScoredAndStoredOnPostgres() {
        var banks = dev.interviewcoach.TestBanks.tinyCatalog();
        SessionRepository sessions = new SessionRepository(db.jdbi());
        var mock = new dev.interviewcoach.interview.MockInterviewFeature(banks, sessions,
                new dev.interviewcoach.interview.InterviewMachine(banks, new dev.interviewcoach.feedback.RuleBasedFeedbackEngine(
                        banks, new dev.interviewcoach.text.TextAnalyzer())), new dev.interviewcoach.interview.InterviewReplies(),
                new dev.interviewcoach.interview.QuestionPicker(new java.util.Random(1)), Clock.systemUTC(),
                () -> "nul-session", new dev.interviewcoach.interview.MockInterviewFeature.Settings("tiny", 1, 5));
        var engine = new dev.interviewcoach.engine.CoachEngine(List.of(mock), new Inbox(db.jdbi(), Clock.systemUTC()),
                CoachMetrics.none(), dev.interviewcoach.engine.CoachEngine.ConversationGuard.inProcess());
        var port = new dev.interviewcoach.RecordingChatPort();
        UserRef nul = new UserRef(Platform.SLACK, "T-nul", "U-nul");
        Place dm = Place.direct(Platform.SLACK, "T-nul", "D-nul");
        engine.handle(new dev.interviewcoach.chat.Inbound.Command("nul-1", nul, dm, "mock tiny 1", Instant.now()), port);
        engine.handle(new dev.interviewcoach.chat.Inbound.Message("nul-2", nul, dm,
                "A cache-aside cache\u0000 with a TTL \uD800 and eviction on write.", Instant.now()), port);
        assertThat(port.all()).contains("Score").doesNotContain("went wrong");
        assertThat(sessions.answers("nul-session")).singleElement()
                .satisfies(a -> assertThat(a.answerText()).isEqualTo("A cache-aside cache with a TTL \uFFFD and eviction on write."));
    }

    @Test
    void anEventLeftByAStoppedInstanceIsHandledOnceAndARateLimitedReplyWaitsOnPostgres() {
        var banks = dev.interviewcoach.TestBanks.tinyCatalog();
        SessionRepository sessions = new SessionRepository(db.jdbi());
        java.util.function.Supplier<dev.interviewcoach.engine.CoachEngine> engines = () -> {
            var mock = new dev.interviewcoach.interview.MockInterviewFeature(banks, sessions,
                    new dev.interviewcoach.interview.InterviewMachine(banks, new dev.interviewcoach.feedback.RuleBasedFeedbackEngine(
                            banks, new dev.interviewcoach.text.TextAnalyzer())), new dev.interviewcoach.interview.InterviewReplies(),
                    new dev.interviewcoach.interview.QuestionPicker(new java.util.Random(1)), Clock.systemUTC(),
                    () -> "left-session", new dev.interviewcoach.interview.MockInterviewFeature.Settings("tiny", 2, 5));
            return new dev.interviewcoach.engine.CoachEngine(List.of(mock), new Inbox(db.jdbi(), Clock.systemUTC()),
                    CoachMetrics.none(), dev.interviewcoach.engine.CoachEngine.ConversationGuard.everyInstance(db::exclusively));
        };
        var port = new dev.interviewcoach.RecordingChatPort();
        UserRef left = new UserRef(Platform.SLACK, "T-left", "U-left");
        Place dm = Place.direct(Platform.SLACK, "T-left", "D-left");
        engines.get().handle(new dev.interviewcoach.chat.Inbound.Command("left-1", left, dm, "mock tiny 2", Instant.now()), port);
        var answer = new dev.interviewcoach.chat.Inbound.Message("left-2", left, dm,
                "cache-aside with a TTL and evict on every write", Instant.now());
        assertThat(engines.get().receive(answer)).isTrue(); // acknowledged; then the instance died
        port.clear();
        var next = engines.get();
        assertThat(next.handleLeftEvents(dev.interviewcoach.chat.ChatPorts.only(port), Duration.ZERO)).isOne();
        assertThat(port.posted).extracting(dev.interviewcoach.RecordingChatPort.Posted::text)
                .singleElement().satisfies(feedbackThenNext -> assertThat(feedbackThenNext).startsWith("Score")
                        .contains(dev.interviewcoach.chat.Reply.PARAGRAPH + "Question 2 of 2"));
        next.handle(answer, port);
        assertThat(port.posted).as("handled once").hasSize(1);
        assertThat(sessions.answers("left-session")).hasSize(1);
    }

    @Test
    void aFailedStatementNeverCarriesWhatSomeoneWroteIntoTheLog() {
        String secret = "my private answer about my last employer";
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> db.jdbi().useHandle(h -> h.createUpdate(
                        "INSERT INTO mock_answer (session_id, position, question_id, outcome, answer_text, covered, missed,"
                                + " hints_used, answered_at) VALUES (:s, 0, 'q', 'ANSWERED', :text, '', '', 0, NULL)")
                .bind("s", "no-such-session").bind("text", secret).execute()));
        assertThat(failure).isNotNull();
        java.io.StringWriter trace = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(trace));
        assertThat(trace.toString()).contains("statement failed").doesNotContain(secret);
    }

    @Test
    void dailyClaimsAndTheSchedulerWorkOnPostgres() throws Exception {
        DailyPostRepository posts = new DailyPostRepository(db.jdbi());
        assertThat(posts.claim("sub-pg", LocalDate.of(2026, 11, 25), "q1", Instant.now())).isTrue();
        assertThat(posts.claim("sub-pg", LocalDate.of(2026, 11, 25), "q2", Instant.now())).isFalse();
        AtomicInteger runs = new AtomicInteger();
        try (JobScheduler schedule = new JobScheduler(db.dataSource(), false, List.of(new Scheduled.Job("check",
                Duration.ofMillis(300), (now, ports) -> runs.incrementAndGet())), ChatPorts.none(), Clock.systemUTC(), "pg",
                CoachMetrics.none())) {
            schedule.start();
            await().atMost(Duration.ofSeconds(15)).until(() -> runs.get() >= 2);
        }
        assertThat(runs.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aLeaseHasOneOwnerUntilItLapsesOrIsGivenUp() {
        dev.interviewcoach.MovingClock clock = new dev.interviewcoach.MovingClock(Instant.parse("2026-12-03T10:00:00Z"));
        Leases leases = new Leases(db.jdbi(), clock);
        java.time.Duration ttl = java.time.Duration.ofSeconds(30);
        assertThat(leases.claim("discord-shard-0", "a", ttl)).isTrue();
        assertThat(leases.claim("discord-shard-0", "b", ttl)).as("held by a").isFalse();
        clock.advance(java.time.Duration.ofSeconds(20));
        assertThat(leases.claim("discord-shard-0", "a", ttl)).as("renewed").isTrue();
        clock.advance(java.time.Duration.ofSeconds(20));
        assertThat(leases.claim("discord-shard-0", "b", ttl)).as("renewed 20 s ago: still a's").isFalse();
        clock.advance(java.time.Duration.ofSeconds(11));
        assertThat(leases.claim("discord-shard-0", "b", ttl)).as("a stopped renewing: lapsed").isTrue();
        assertThat(leases.heldBy("a", "discord-shard-")).isEmpty();
        assertThat(leases.heldBy("b", "discord-shard-")).containsExactly("discord-shard-0");
        leases.release("discord-shard-0", "a");
        assertThat(leases.heldBy("b", "discord-shard-")).as("only its owner gives it up").hasSize(1);
        leases.release("discord-shard-0", "b");
        assertThat(leases.claim("discord-shard-0", "a", ttl)).as("given up: free at once").isTrue();
    }

    @Test
    void workspacesInUseAreCountedByTheirAnswersOnPostgres() {
        var answers = new dev.interviewcoach.daily.DailyAnswerRepository(db.jdbi());
        // Far from the other tests' rows in this shared database, so only these count.
        Instant now = Instant.parse("2030-06-01T10:00:00Z");
        for (String[] who : new String[][] {{"T-ONE", "U1", "PT1H"}, {"T-ONE", "U2", "PT2H"}, {"T-TWO", "U3", "PT3H"},
                {"T-OLD", "U4", "PT48H"}}) {
            answers.add(new dev.interviewcoach.daily.DailyAnswerRepository.Answer("pg-active-" + who[1],
                    java.time.LocalDate.of(2030, 6, 1), new UserRef(Platform.SLACK, who[0], who[1]), "q", "an answer", 3,
                    List.of(), List.of(), false, now.minus(java.time.Duration.parse(who[2]))));
        }
        var installations = new dev.interviewcoach.tenant.Installations(db.jdbi(),
                new dev.interviewcoach.tenant.TenantLifecycle(db.jdbi(), java.time.Clock.systemUTC(),
                        java.time.Duration.ofDays(30), java.time.Duration.ofHours(1)));
        assertThat(installations.activeSince(now.minus(java.time.Duration.ofDays(1))))
                .as("two workspaces answered in the last day; the third two days ago").isEqualTo(2);
    }
}
