package dev.interviewcoach.interview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.testkit.SharedPostgres;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An interview answer whose message was deleted is found by that message and withdrawn, and a person's latest
 * answer to a question is found, on SQLite and PostgreSQL.
 */
class WithdrawnAnswerOnBothDatabasesTest {

    private static final Instant T0 = Instant.parse("2026-12-05T09:00:00Z");

    @TempDir
    Path dir;

    private Database open(String kind) throws Exception {
        Database db = kind.equals("sqlite") ? Database.sqlite(dir.resolve("coach.db"))
                : Database.open(SharedPostgres.newDatabase(), "postgres", "postgres");
        db.migrate();
        return db;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void aDeletedAnswerIsFoundByItsMessageWhereItWasGivenAndWithdrawnOnce(String kind) throws Exception {
        try (Database db = open(kind)) {
            SessionRepository sessions = new SessionRepository(db.jdbi());
            UserRef ana = new UserRef(Platform.SLACK, "T1", "UANA");
            Place dm = Place.direct(Platform.SLACK, "T1", "DANA");
            MockSession s = new MockSession("s1", ana, dm, "tiny", List.of("caching", "conflict"), 0, 0,
                    MockSession.Status.ACTIVE, false, 0, T0, null);
            sessions.create(s);
            sessions.save(s.advanced(T0.plusSeconds(60)), 0, Optional.of(new AnswerRecord("s1", 0, "caching",
                    AnswerRecord.Outcome.ANSWERED, "use a ttl", 3, List.of("ttl"), List.of("invalidate"), 0,
                    T0.plusSeconds(60))));
            sessions.rememberAnswerMessage("s1", 0, "m-1");

            assertThat(sessions.answerAt(Place.direct(Platform.SLACK, "T1", "DBEN"), "m-1")).as("another place").isEmpty();
            assertThat(sessions.answerAt(dm, "m-2")).isEmpty();
            assertThat(sessions.answerAt(dm, "m-1")).hasValue(new SessionRepository.AnswerAt("s1", 0));
            // a DM the platform did not say whose it was: found by the message among the tenant's direct conversations
            assertThat(sessions.answerInAnyDirect(Place.direct(Platform.SLACK, "T1", "D-UNKNOWN"), "m-1"))
                    .hasValue(new SessionRepository.AnswerAt("s1", 0));
            assertThat(sessions.answerInAnyDirect(Place.direct(Platform.SLACK, "T2", "D-UNKNOWN"), "m-1"))
                    .as("another tenant").isEmpty();
            assertThat(sessions.answerInAnyDirect(Place.direct(Platform.DISCORD, "T1", "D-UNKNOWN"), "m-1"))
                    .as("another platform").isEmpty();

            Instant later = T0.plusSeconds(3600);
            assertThat(sessions.lastAnswered(ana, "caching", later)).hasValueSatisfying(a -> assertThat(a.score()).isEqualTo(3));
            assertThat(sessions.lastAnswered(ana, "caching", T0)).as("none before it was given").isEmpty();
            assertThat(sessions.lastAnswered(ana, "conflict", later)).isEmpty();
            assertThat(sessions.lastScores(ana, List.of("caching", "conflict"), later)).containsExactly(Map.entry("caching", 3));
            assertThat(sessions.lastScores(ana, List.of("caching"), T0)).isEmpty();

            assertThat(sessions.withdraw("s1", 0)).isTrue();
            assertThat(sessions.lastAnswered(ana, "caching", later)).as("a withdrawn answer is no score to beat").isEmpty();
            assertThat(sessions.withdraw("s1", 0)).as("a second time changes nothing").isFalse();
            assertThat(sessions.answers("s1")).singleElement().satisfies(a -> {
                assertThat(a.outcome()).isEqualTo(AnswerRecord.Outcome.WITHDRAWN);
                assertThat(a.answerText()).isNull();
                assertThat(a.score()).isNull();
                assertThat(a.coveredPointIds()).isEmpty();
                assertThat(a.missedPointIds()).isEmpty();
            });
            assertThat(sessions.answerAt(dm, "m-1")).as("its message is forgotten too").isEmpty();
        }
    }
}
