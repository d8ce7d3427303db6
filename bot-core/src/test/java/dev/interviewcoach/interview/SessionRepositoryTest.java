package dev.interviewcoach.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.Inbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

    @TempDir
    Path dir;

    private Database db;
    private SessionRepository repo;
    private final UserRef bob = new UserRef(Platform.SLACK, "T1", "U2");
    private final Place thread = Place.channel(Platform.SLACK, "T1", "C1").thread("1700000000.0001");

    @BeforeEach
    void open() {
        db = Database.sqlite(dir.resolve("nested/coach.db"));
        assertThat(db.migrate()).as("every migration runs on a new file").isPositive();
        repo = new SessionRepository(db.jdbi());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private MockSession session(String id) {
        return new MockSession(id, bob, thread, "tiny", List.of("caching", "conflict"), 0, 0,
                MockSession.Status.ACTIVE, false, 0, T0, null);
    }

    @Test
    void aFollowUpBeingWaitedOnAndItsAnswerSurviveARestartAndGoWithForgetMe() {
        MockSession probing = new MockSession("s-f", bob, thread, "tiny", List.of("caching", "conflict"), 0, 0,
                MockSession.Status.ACTIVE, false, 0, T0, null, true, null);
        assertThat(repo.create(probing)).isTrue();
        AnswerRecord answer = new AnswerRecord("s-f", 0, "caching", AnswerRecord.Outcome.ANSWERED, "cache-aside", 3,
                List.of("cache-aside"), List.of("ttl", "invalidate"), 0, T0);
        MockSession waiting = probing.withFollowUp("ttl");
        assertThat(repo.save(waiting, 0, Optional.of(answer))).isTrue();
        assertThat(repo.find("s-f")).hasValueSatisfying(s -> {
            assertThat(s.followUps()).isTrue();
            assertThat(s.followUpOn()).isEqualTo("ttl");
            assertThat(s.position()).isZero();
        });
        FollowUpRecord followUp = new FollowUpRecord("s-f", 0, "ttl", "What happens to an old entry?",
                AnswerRecord.Outcome.ANSWERED, "it expires after a TTL", 4, List.of("ttl"), List.of(), T0.plusSeconds(30));
        assertThat(repo.save(waiting.advanced(T0.plusSeconds(30)), waiting.version(), Optional.empty(),
                Optional.of(followUp))).isTrue();
        assertThat(repo.find("s-f")).hasValueSatisfying(s -> {
            assertThat(s.followUpOn()).isNull();
            assertThat(s.position()).isOne();
        });
        assertThat(repo.followUps("s-f")).containsExactly(followUp);
        assertThat(repo.deleteFor(bob)).isOne();
        assertThat(repo.followUps("s-f")).isEmpty();
    }

    @Test
    void createsTheFileInWalModeAndMigratesOnce() throws Exception {
        assertThat(Files.exists(dir.resolve("nested/coach.db"))).isTrue();
        String mode = db.jdbi().withHandle(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one());
        assertThat(mode).isEqualToIgnoringCase("wal");
        assertThat(db.migrate()).isZero();
    }

    @Test
    void aJdbcUrlToAFileInAMissingFolderCreatesTheFolder() {
        Path file = dir.resolve("fresh/clone/data/coach.db");
        try (Database fresh = Database.open("jdbc:sqlite:" + file, null, null)) {
            assertThat(fresh.migrate()).isPositive();
        }
        assertThat(Files.exists(file)).isTrue();
    }

    @Test
    void storesAndFindsASessionByPersonAndPlace() {
        assertThat(repo.create(session("s1"))).isTrue();
        assertThat(repo.find("s1")).hasValue(session("s1"));
        assertThat(repo.activeFor(bob)).hasValue(session("s1"));
        assertThat(repo.activeAt(thread)).hasValue(session("s1"));
        assertThat(repo.activeAt(Place.channel(Platform.SLACK, "T1", "C1"))).isEmpty();
        assertThat(repo.activeFor(new UserRef(Platform.DISCORD, "T1", "U2"))).isEmpty();
    }

    @Test
    void aPersonHasOneInterviewInProgressAtATime() {
        assertThat(repo.create(session("s1"))).isTrue();
        assertThat(repo.create(session("s2"))).isFalse();
        assertThat(repo.activeFor(bob)).map(MockSession::id).hasValue("s1");
    }

    @Test
    void savesAStepWithItsAnswerAtomicallyAndRejectsAStaleWriter() {
        MockSession s = session("s1");
        repo.create(s);
        MockSession next = s.advanced(T0.plusSeconds(60));
        AnswerRecord answer = new AnswerRecord("s1", 0, "caching", AnswerRecord.Outcome.ANSWERED, "use a ttl", 3,
                List.of("ttl"), List.of("cache-aside", "invalidate"), 1, T0.plusSeconds(60));
        assertThat(repo.save(next, 0, Optional.of(answer))).isTrue();
        assertThat(repo.find("s1")).hasValue(next);
        assertThat(repo.answers("s1")).containsExactly(answer);

        // A second writer that computed its change from version 0 too must lose, and store nothing.
        AnswerRecord rival = new AnswerRecord("s1", 0, "caching", AnswerRecord.Outcome.SKIPPED, null, null,
                List.of(), List.of(), 0, T0.plusSeconds(61));
        assertThat(repo.save(s.advanced(T0.plusSeconds(61)), 0, Optional.of(rival))).isFalse();
        assertThat(repo.answers("s1")).containsExactly(answer);
    }

    @Test
    void aPersonsWholeHistoryComesInOneReadWithNothingOfAnyoneElse() {
        MockSession s = session("s1");
        repo.create(s);
        MockSession first = s.advanced(T0.plusSeconds(60));
        AnswerRecord a0 = new AnswerRecord("s1", 0, "caching", AnswerRecord.Outcome.ANSWERED, "use a ttl", 3,
                List.of("ttl"), List.of(), 1, T0.plusSeconds(60));
        assertThat(repo.save(first, 0, Optional.of(a0))).isTrue();
        AnswerRecord a1 = new AnswerRecord("s1", 1, "conflict", AnswerRecord.Outcome.SKIPPED, null, null,
                List.of(), List.of(), 0, T0.plusSeconds(90));
        assertThat(repo.save(first.advanced(T0.plusSeconds(90)), first.version(), Optional.of(a1))).isTrue();

        UserRef alice = new UserRef(Platform.SLACK, "T1", "U3");
        Place hers = Place.channel(Platform.SLACK, "T1", "C1").thread("1700000000.0002");
        MockSession other = new MockSession("s2", alice, hers, "tiny", List.of("caching"), 0, 0,
                MockSession.Status.ACTIVE, false, 0, T0, null);
        repo.create(other);
        assertThat(repo.save(other.advanced(T0.plusSeconds(30)), 0, Optional.of(new AnswerRecord("s2", 0, "caching",
                AnswerRecord.Outcome.ANSWERED, "hers", 2, List.of(), List.of(), 0, T0.plusSeconds(30))))).isTrue();

        assertThat(repo.answersOf(bob)).containsOnlyKeys("s1");
        assertThat(repo.answersOf(bob).get("s1")).containsExactly(a0, a1);
        assertThat(repo.answersOf(alice).get("s2")).extracting(AnswerRecord::answerText).containsExactly("hers");
    }

    @Test
    void oneResultPerQuestionPerSessionIsEnforcedByTheDatabase() {
        repo.create(session("s1"));
        AnswerRecord answer = new AnswerRecord("s1", 0, "caching", AnswerRecord.Outcome.SKIPPED, null, null,
                List.of(), List.of(), 0, T0);
        MockSession v1 = session("s1").withHintShown();
        assertThat(repo.save(v1, 0, Optional.of(answer))).isTrue();
        assertThatThrownBy(() -> repo.save(v1.withHintShown(), 1, Optional.of(answer))).isInstanceOf(RuntimeException.class);
        assertThat(repo.find("s1")).hasValue(v1);
    }

    @Test
    void aFinishedSessionFreesThePersonForANewOne() {
        MockSession s = session("s1");
        repo.create(s);
        assertThat(repo.save(s.endedEarly(T0.plusSeconds(5)), 0, Optional.empty())).isTrue();
        assertThat(repo.activeFor(bob)).isEmpty();
        assertThat(repo.create(session("s2"))).isTrue();
        assertThat(repo.recentFor(bob, 10)).extracting(MockSession::id).containsExactlyInAnyOrder("s1", "s2");
    }

    @Test
    void survivesReopeningTheFile() {
        repo.create(session("s1"));
        db.close();
        db = Database.sqlite(dir.resolve("nested/coach.db"));
        db.migrate();
        assertThat(new SessionRepository(db.jdbi()).activeFor(bob)).hasValue(session("s1"));
    }

    @Test
    void aStaleWriterInsideAnEventsWorkLeavesWhatTheWorkWroteBeforeIt() {
        MockSession s = session("s1");
        repo.create(s);
        assertThat(repo.save(s.advanced(T0.plusSeconds(60)), 0, Optional.empty())).isTrue();
        Inbox events = new Inbox(db.jdbi(), Clock.fixed(T0, ZoneOffset.UTC));
        boolean saved = events.inTransaction(() -> {
            events.record(dev.interviewcoach.store.InboxTest.event("Ev1")); // the unit's first write
            return repo.save(s.advanced(T0.plusSeconds(61)), 0, Optional.empty()); // computed from version 0: stale
        });
        assertThat(saved).isFalse();
        assertThat(events.state("Ev1")).as("the write before the stale one is kept").hasValue(Inbox.State.PENDING);
        assertThat(repo.find("s1").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void remembersDeliveredEvents() {
        Inbox events = new Inbox(db.jdbi(), Clock.fixed(T0, ZoneOffset.UTC));
        assertThat(events.firstDelivery(dev.interviewcoach.store.InboxTest.event("Ev1"))).isTrue();
        assertThat(events.firstDelivery(dev.interviewcoach.store.InboxTest.event("Ev1"))).isFalse();
        assertThat(events.firstDelivery(dev.interviewcoach.store.InboxTest.event("Ev2"))).isTrue();
    }
}
