package dev.interviewcoach.interview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.MovingClock;
import dev.interviewcoach.RecordingChatPort;
import dev.interviewcoach.TestBanks;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.engine.CoachEngine;
import dev.interviewcoach.feedback.RuleBasedFeedbackEngine;
import dev.interviewcoach.observe.CoachMetrics;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.Inbox;
import dev.interviewcoach.text.TextAnalyzer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An answer sent in two messages, as people do in chat: the second, moments after the first, is added to it and the
 * two are scored as one; a message sent later, or a move, is read as usual.
 */
class SplitAnswerTest {

    @TempDir
    Path dir;

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final RecordingChatPort port = new RecordingChatPort();
    private final UserRef ana = new UserRef(Platform.SLACK, "T1", "UANA");
    private final Place dm = Place.direct(Platform.SLACK, "T1", "DANA");
    private final AtomicInteger events = new AtomicInteger();
    private SessionRepository sessions;
    private CoachEngine engine;

    /** The coach on the tiny bank, joining within 15 s, with follow-ups on or off; messages are Ana's, in her DM. */
    private Database start(boolean followUps) {
        Database db = Database.sqlite(dir.resolve("coach.db"));
        db.migrate();
        BankCatalog banks = TestBanks.tinyCatalog();
        sessions = new SessionRepository(db.jdbi());
        AtomicInteger sessionIds = new AtomicInteger();
        MockInterviewFeature mock = new MockInterviewFeature(banks, sessions,
                new InterviewMachine(banks, new RuleBasedFeedbackEngine(banks, new TextAnalyzer())),
                new InterviewReplies(), new QuestionPicker(new Random(7)), clock, () -> "s" + sessionIds.incrementAndGet(),
                new MockInterviewFeature.Settings("tiny", 2, 10, followUps, Duration.ofSeconds(15)));
        engine = new CoachEngine(List.of(mock, new AskCommand(banks, mock, new TextAnalyzer(), new Random(1))),
                new Inbox(db.jdbi(), clock), CoachMetrics.none(), CoachEngine.ConversationGuard.inProcess());
        return db;
    }

    private void say(String text) {
        engine.handle(new Inbound.Message("e" + events.incrementAndGet(), ana, dm, text, "m" + events.get(),
                clock.instant()), port);
    }

    @Test
    void whenTheRestOfTheAnswerMakesThePointAFollowUpAskedAboutTheFollowUpIsNotAskedAgain() {
        try (Database db = start(true)) {

            say("ask caching");
            say("I would put Redis in front of the database with cache-aside and invalidate the key on writes.");
            assertThat(port.last()).as("the time to live was missed").contains("What happens to an entry that nobody"
                    + " writes to for a week?");
            clock.advance(Duration.ofSeconds(5));
            say("Every key also gets a time to live of five minutes, so entries expire on their own.");
            assertThat(port.last()).startsWith("I added that to your answer to question 1")
                    .contains("That answers the follow-up too, so on we go.").contains("Scorecard");
            assertThat(sessions.activeAt(dm)).as("finished, with no follow-up left waiting").isEmpty();
            assertThat(sessions.followUps("s1")).as("no follow-up answer or skip recorded").isEmpty();

            // The same with an edit of the answer in place of a further message.
            clock.advance(Duration.ofMinutes(5));
            say("ask caching");
            say("I would put Redis in front of the database with cache-aside and invalidate the key on writes.");
            String answer = "m" + events.get();
            assertThat(port.last()).contains("What happens to an entry that nobody writes to for a week?");
            engine.handle(new Inbound.Edit("e-edit", ana, dm, answer, "I would put Redis in front of the database with"
                    + " cache-aside, invalidate the key on writes, and give every key a time to live of five minutes.",
                    clock.instant()), port);
            assertThat(port.last()).startsWith("Scored again after your edit")
                    .contains("That answers the follow-up too, so on we go.").contains("Scorecard");

            // A follow-up's answer sent in two messages.
            clock.advance(Duration.ofMinutes(5));
            say("ask caching");
            say("I would put Redis in front of the database with cache-aside and invalidate the key on writes.");
            clock.advance(Duration.ofSeconds(40));
            say("It would stay in the cache forever.");
            assertThat(port.last()).contains("Scorecard");
            String session = sessions.recentFor(ana, 1).getFirst().id();
            int first = sessions.followUps(session).getFirst().score();
            clock.advance(Duration.ofSeconds(4));
            say("So every key gets a time to live of five minutes and expires on its own.");
            assertThat(port.last()).startsWith("I added that to your answer to the follow-up on question 1 and scored it"
                    + " again (it was " + first + "/5):").contains("Scorecard");
            assertThat(sessions.followUps(session).getFirst().answerText()).contains("forever").contains("time to live");
        }
    }

    @Test
    void aSecondMessageMomentsAfterAnAnswerIsAddedToItAndTheInterviewWaitsWhereItWas() {
        try (Database db = start(false)) {

            say("ask caching");
            say("I would put Redis in front of the database with cache-aside.");
            assertThat(port.last()).contains("Scorecard");
            int first = sessions.answers("s1").getFirst().score();

            clock.advance(Duration.ofSeconds(6));
            say("Every key gets a TTL of five minutes, and I invalidate the key whenever the row is written.");
            assertThat(port.last()).as("the rest of the answer, after the scorecard of a one-question interview")
                    .startsWith("I added that to your answer to question 1 and scored it again (it was " + first + "/5):")
                    .contains("Scorecard");
            AnswerRecord joined = sessions.answers("s1").getFirst();
            assertThat(joined.answerText()).contains("cache-aside").contains("TTL of five minutes");
            assertThat(joined.score()).isGreaterThan(first);

            clock.advance(Duration.ofSeconds(2));
            for (String remark : List.of("thanks!", "ok got it", "what?")) {
                say(remark);
                assertThat(port.last()).as(remark + " is a remark on the feedback").doesNotStartWith("I added that");
            }
            clock.advance(Duration.ofSeconds(38));
            int posted = port.posted.size();
            say("Sorry, one more thing: I would also warm the cache for the hottest keys at deploy time.");
            assertThat(port.posted.subList(posted, port.posted.size())).as("too late to be the same answer")
                    .noneMatch(p -> p.text().startsWith("I added that"));
            assertThat(port.last()).isEqualTo("Your tiny interview is over, so I didn't score that. To practise its last"
                    + " question, type: ask caching. To start another: mock tiny 1.");
            assertThat(sessions.answers("s1").getFirst().answerText()).doesNotContain("warm the cache");

            say("mock tiny 2");
            clock.advance(Duration.ofSeconds(30));
            say("I think it depends.");
            MockSession running = sessions.activeAt(dm).orElseThrow();
            assertThat(running.position()).isEqualTo(1);
            clock.advance(Duration.ofSeconds(4));
            say("Let me say more: I would start from what was asked and give a real example from my work.");
            assertThat(port.last()).startsWith("I added that to your answer to question 1")
                    .endsWith("Question 2 above is still waiting for you.");
            assertThat(sessions.activeAt(dm).orElseThrow().position()).as("the interview waits where it was").isEqualTo(1);
            assertThat(sessions.answers(running.id())).singleElement()
                    .satisfies(a -> assertThat(a.answerText()).contains("it depends").contains("real example"));
            String firstPart = "m" + (events.get() - 1);
            engine.handle(new Inbound.Edit("e-edit", ana, dm, firstPart, "I think it depends on the case.",
                    clock.instant()), port);
            assertThat(port.last()).as("an edit of one part would drop the other")
                    .startsWith("Your answer to question 1 was put together from more than one message");
            assertThat(sessions.answers(running.id()).getFirst().answerText()).contains("real example");

            clock.advance(Duration.ofSeconds(3));
            say("skip");
            assertThat(port.last()).as("a move is never the rest of an answer").contains("Scorecard");
            assertThat(sessions.answers(running.id())).hasSize(2);
        }
    }
}
