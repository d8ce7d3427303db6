package dev.interviewcoach.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.daily.DailyAnswerRepository;
import dev.interviewcoach.interview.AnswerRecord;
import dev.interviewcoach.interview.MockSession;
import dev.interviewcoach.interview.SessionRepository;
import dev.interviewcoach.pair.PairingRepository;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.question.BankReader;
import dev.interviewcoach.question.Question;
import dev.interviewcoach.question.QuestionBanks;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.SamePerson;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weights that bring a mock interview back to weak and forgotten topics, read from the
 * database's per-question sums, are the ones a person's whole history gives.
 */
class TopicWeightsTest {

    private static final BankCatalog BANKS = BankCatalog.of(QuestionBanks.load(new BankReader(), Optional.empty()));
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void weightsFromSumsAreTheWeightsOfTheWholeHistory() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            SessionRepository sessions = new SessionRepository(db.jdbi());
            DailyAnswerRepository daily = new DailyAnswerRepository(db.jdbi());
            ProgressService progress = new ProgressService(sessions, daily, new PairingRepository(db.jdbi()),
                    new PersonRepository(db.jdbi()), new SamePerson(db.jdbi()), BANKS, Clock.fixed(NOW, ZoneOffset.UTC));
            List<Question> questions = BANKS.current().tracks().stream().flatMap(b -> b.questions().stream()).toList();
            Random random = new Random(20261206);
            // The same Discord person in two servers and the DMs, a Slack person, and one with nothing yet.
            List<UserRef> people = List.of(new UserRef(Platform.DISCORD, "800", "42"),
                    new UserRef(Platform.DISCORD, "900", "42"), new UserRef(Platform.DISCORD, "@me", "42"),
                    new UserRef(Platform.SLACK, "T1", "UANA"), new UserRef(Platform.SLACK, "T1", "UBEN"));
            for (int s = 0; s < 60; s++) {
                UserRef who = people.get(random.nextInt(4));
                Instant started = NOW.minus(Duration.ofHours(random.nextInt(24 * 60)));
                List<Question> asked = new ArrayList<>();
                for (int i = 0; i < 1 + random.nextInt(5); i++) {
                    asked.add(questions.get(random.nextInt(questions.size())));
                }
                // a question no longer in the banks counts under its interview's track
                List<String> ids = new ArrayList<>(asked.stream().map(Question::id).toList());
                if (random.nextInt(6) == 0) {
                    ids.set(0, "retired-question-" + s);
                }
                MockSession session = new MockSession("s" + s, who, Place.direct(who.platform(), who.tenant(), "D" + s),
                        asked.getFirst().track(), ids, 0, 0, MockSession.Status.FINISHED, false, 0, started, started, false, null);
                assertThat(sessions.create(session)).isTrue();
                for (int i = 0; i < ids.size(); i++) {
                    AnswerRecord.Outcome outcome = switch (random.nextInt(8)) {
                        case 0 -> AnswerRecord.Outcome.SKIPPED;
                        case 1 -> AnswerRecord.Outcome.WITHDRAWN;
                        default -> AnswerRecord.Outcome.ANSWERED;
                    };
                    Integer score = outcome == AnswerRecord.Outcome.ANSWERED ? 1 + random.nextInt(5) : null;
                    MockSession next = new MockSession(session.id(), who, session.place(), session.track(), ids, i + 1, 0,
                            MockSession.Status.FINISHED, false, i + 1, started, started, false, null);
                    assertThat(sessions.save(next, i, Optional.of(new AnswerRecord(session.id(), i, ids.get(i), outcome,
                            score == null ? null : "an answer", score, List.of(), List.of(), 0,
                            started.plus(Duration.ofMinutes(i)))))).isTrue();
                }
            }
            for (int d = 0; d < 80; d++) {
                UserRef who = people.get(random.nextInt(4));
                Question q = questions.get(random.nextInt(questions.size()));
                daily.add(new DailyAnswerRepository.Answer("sub" + random.nextInt(3), LocalDate.of(2026, 9, 1).plusDays(d),
                        who, random.nextInt(10) == 0 ? "a-retired-daily-question" : q.id(), "an answer",
                        1 + random.nextInt(5), List.of(), List.of(), false, NOW.minus(Duration.ofDays(90 - d))));
            }

            for (UserRef who : people) {
                assertThat(progress.forUser(who)).as("weights of %s", who).isEqualTo(fromWholeHistory(progress, who));
            }
            assertThat(progress.forUser(people.getFirst())).as("something is weak or due").isNotEmpty()
                    .isEqualTo(progress.forUser(people.get(2))); // one person on Discord, wherever asked
            assertThat(progress.forUser(people.get(4))).isEmpty();
        }
    }

    /** The weights as the rule states them, from every scored answer (the progress page's figures). */
    private static Map<String, Double> fromWholeHistory(ProgressService progress, UserRef who) {
        Map<String, Double> weights = new HashMap<>();
        for (Progress.TopicStats t : progress.progress(who, ZoneOffset.UTC).topics()) {
            if (t.mean() < Progress.WEAK_BELOW) {
                weights.put(t.topic(), ProgressService.WEAK_WEIGHT);
            } else if (t.last().plus(ProgressService.DUE_AFTER).isBefore(NOW)) {
                weights.put(t.topic(), ProgressService.DUE_WEIGHT);
            }
        }
        return weights;
    }
}
