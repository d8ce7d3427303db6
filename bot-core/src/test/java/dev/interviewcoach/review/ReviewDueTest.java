package dev.interviewcoach.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.MovingClock;
import dev.interviewcoach.RecordingChatPort;
import dev.interviewcoach.TestBanks;
import dev.interviewcoach.chat.Block;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.daily.DailyAnswerRepository;
import dev.interviewcoach.engine.CoachEngine;
import dev.interviewcoach.feedback.RuleBasedFeedbackEngine;
import dev.interviewcoach.interview.InterviewMachine;
import dev.interviewcoach.interview.InterviewReplies;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.interview.QuestionPicker;
import dev.interviewcoach.interview.SessionRepository;
import dev.interviewcoach.observe.CoachMetrics;
import dev.interviewcoach.pair.PairingRepository;
import dev.interviewcoach.progress.PersonRepository;
import dev.interviewcoach.progress.ProgressService;
import dev.interviewcoach.progress.StatsCommand;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.Inbox;
import dev.interviewcoach.store.SamePerson;
import dev.interviewcoach.text.TextAnalyzer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code review due} as a person uses it: nothing due at first, the weak question back the next day. */
class ReviewDueTest {

    @TempDir
    Path dir;

    @Test
    void aWeakAnswerIsDueTheNextDayAndReviewDuePractisesIt() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            MovingClock clock = new MovingClock(Instant.parse("2026-12-01T08:00:00Z"));
            BankCatalog banks = TestBanks.tinyCatalog();
            SessionRepository sessions = new SessionRepository(db.jdbi());
            SpacedReview reviews = new SpacedReview(new ReviewRepository(db.jdbi()), new Fsrs(0.9), new SamePerson(db.jdbi()));
            CoachEngine engine = engine(db, clock, banks, sessions, reviews, user -> java.util.Optional.empty());
            RecordingChatPort port = new RecordingChatPort();
            UserRef ana = new UserRef(Platform.SLACK, "T1", "UANA");
            Place dm = Place.direct(Platform.SLACK, "T1", "DANA");
            AtomicInteger events = new AtomicInteger();
            java.util.function.Consumer<String> say = text -> engine.handle(new Inbound.Message("e" + events.incrementAndGet(),
                    ana, dm, text, clock.instant()), port);

            say.accept("mock tiny 1");
            String asked = questionIn(port.posted.getLast().text());
            say.accept("I am not sure, something with a database maybe.");
            assertThat(port.all()).contains("Scorecard");
            say.accept("review due");
            assertThat(port.posted.getLast().text()).startsWith("Nothing is due for review now");

            clock.advance(Duration.ofDays(1));
            StatsCommand stats = new StatsCommand(new ProgressService(sessions, new DailyAnswerRepository(db.jdbi()), new PairingRepository(db.jdbi()),
                    new PersonRepository(db.jdbi()), new SamePerson(db.jdbi()), banks, clock), reviews::dueCount, clock);
            var page = stats.page(ana, port);
            assertThat(page.blocks().toString()).as("stats say what is due")
                    .contains("Due for review: ").contains("1 question you are about to forget");
            Block.Button review = page.blocks().stream().filter(b -> b instanceof Block.Buttons)
                    .flatMap(b -> ((Block.Buttons) b).buttons().stream()).filter(b -> b.label().equals("Review 1 now"))
                    .findFirst().orElseThrow(() -> new AssertionError("no Review button on " + page.blocks()));
            assertThat(review.typed()).as("typed where there are no buttons").isEqualTo("review due");
            engine.handle(new Inbound.Action("e" + events.incrementAndGet(), ana, dm, review.action(), null,
                    clock.instant()), port);
            assertThat(port.all()).contains("Review: 1 question due again.");
            assertThat(questionIn(port.posted.getLast().text())).as("the same question again").isEqualTo(asked);
        }
    }

    @Test
    void historyListsTheAnsweredInterviewsAndReviewTakesANumberFromIt() {
        try (Database db = Database.sqlite(dir.resolve("coach.db"))) {
            db.migrate();
            MovingClock clock = new MovingClock(Instant.parse("2026-12-01T08:00:00Z"));
            BankCatalog banks = TestBanks.tinyCatalog();
            SessionRepository sessions = new SessionRepository(db.jdbi());
            SpacedReview reviews = new SpacedReview(new ReviewRepository(db.jdbi()), new Fsrs(0.9), new SamePerson(db.jdbi()));
            CoachEngine engine = engine(db, clock, banks, sessions, reviews,
                    user -> java.util.Optional.of(java.time.ZoneId.of("Pacific/Kiritimati")));
            RecordingChatPort port = new RecordingChatPort();
            UserRef ana = new UserRef(Platform.SLACK, "T1", "UANA");
            Place dm = Place.direct(Platform.SLACK, "T1", "DANA");
            AtomicInteger events = new AtomicInteger();
            java.util.function.Function<String, String> say = text -> {
                engine.handle(new Inbound.Message("e" + events.incrementAndGet(), ana, dm, text, clock.instant()), port);
                return port.posted.getLast().text();
            };

            assertThat(say.apply("history")).startsWith("You have no answered interviews yet.");
            say.apply("mock tiny 1");
            say.apply("I am not sure, something with a database maybe.");
            clock.advance(Duration.ofDays(1));
            say.apply("mock tiny 1");
            say.apply("I would put a cache in front of the database and invalidate it on writes, with a short TTL.");
            clock.advance(Duration.ofHours(2));
            say.apply("mock tiny 1");
            say.apply("end");

            String history = say.apply("history");
            assertThat(history).as("the interview ended before an answer is not listed; dates in her zone (UTC+14)")
                    .contains("1. Wed 2 Dec, tiny: 1 of 1 answered").contains("2. Tue 1 Dec, tiny: 1 of 1 answered")
                    .doesNotContain("3. ");
            java.util.function.Supplier<String> shown = () -> port.posted.getLast().reply().blocks().toString();
            say.apply("review");
            assertThat(shown.get()).as("the latest interview with answers, not the empty one")
                    .contains("cache in front of the database");
            say.apply("review 2");
            assertThat(shown.get()).contains("something with a database maybe")
                    .doesNotContain("cache in front");
            assertThat(say.apply("review 3")).startsWith("You have 2 interviews with answers, so there is no number 3."
                    + " See them with: history");
            assertThat(port.posted).allSatisfy(p -> assertThat(p.place()).isEqualTo(dm));
        }
    }

    /** The coach with mock interviews and review on the tiny bank; {@code zone}, the zone a person set. */
    private static CoachEngine engine(Database db, MovingClock clock, BankCatalog banks, SessionRepository sessions,
                                      SpacedReview reviews,
                                      java.util.function.Function<UserRef, java.util.Optional<java.time.ZoneId>> zone) {
        AtomicInteger ids = new AtomicInteger();
        MockInterviewFeature mock = new MockInterviewFeature(banks, sessions,
                new InterviewMachine(banks, new RuleBasedFeedbackEngine(banks, new TextAnalyzer())),
                new InterviewReplies(), new QuestionPicker(new Random(7)), clock, () -> "s" + ids.incrementAndGet(),
                new MockInterviewFeature.Settings("tiny", 1, 10), MockInterviewFeature.TopicWeights.even(), reviews);
        return new CoachEngine(List.of(mock, new ReviewCommand(sessions, mock, reviews, banks, clock, zone)),
                new Inbox(db.jdbi(), clock), CoachMetrics.none(), CoachEngine.ConversationGuard.inProcess());
    }

    /** The question a message asks: its last part, from "Question " on (the how-to comes before it in one message). */
    private static String questionIn(String text) {
        assertThat(text).contains("Question 1 of 1: ");
        return text.substring(text.lastIndexOf("Question 1 of 1: "));
    }
}
