package dev.interviewcoach.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.MovingClock;
import dev.interviewcoach.RecordingChatPort;
import dev.interviewcoach.TestBanks;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.PlatformUnavailable;
import dev.interviewcoach.chat.RateLimited;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.chat.Visibility;
import dev.interviewcoach.feedback.RuleBasedFeedbackEngine;
import dev.interviewcoach.interview.InterviewMachine;
import dev.interviewcoach.interview.InterviewReplies;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.interview.QuestionPicker;
import dev.interviewcoach.interview.SessionRepository;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.Inbox;
import dev.interviewcoach.text.TextAnalyzer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What was acknowledged is never lost and never out of order: platforms that rate-limit or fail,
 * a handler that fails half-way, and a process that stopped with an event not yet handled.
 */
class DurableDeliveryTest {

    private static final String ANSWER = "I would put Redis in front of Postgres using cache-aside, so reads check the"
            + " cache first and fall back to the database. Every key gets a TTL of five minutes, and we evict the key on"
            + " every write so nobody reads a stale price.";

    @TempDir
    Path dir;

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final UserRef ana = new UserRef(Platform.SLACK, "T1", "UANA");
    private final UserRef ben = new UserRef(Platform.SLACK, "T1", "UBEN");
    private final Place anasDm = Place.direct(Platform.SLACK, "T1", "DANA");
    private final Place bensDm = Place.direct(Platform.SLACK, "T1", "DBEN");
    private final FlakyPort port = new FlakyPort();
    private final AtomicInteger ids = new AtomicInteger();
    private Database db;
    private SessionRepository sessions;

    @BeforeEach
    void open() {
        db = Database.sqlite(dir.resolve("coach.db"));
        db.migrate();
        sessions = new SessionRepository(db.jdbi());
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** A coach on the shared database, as a fresh process would build it. */
    private CoachEngine engine(List<MessageHandler> extra) {
        BankCatalog banks = TestBanks.tinyCatalog();
        AtomicInteger sessionIds = new AtomicInteger();
        MockInterviewFeature mock = new MockInterviewFeature(banks, sessions,
                new InterviewMachine(banks, new RuleBasedFeedbackEngine(banks, new TextAnalyzer())), new InterviewReplies(),
                new QuestionPicker(new Random(7)), clock, () -> "session-" + sessionIds.incrementAndGet(),
                new MockInterviewFeature.Settings("tiny", 3, 10));
        List<Feature> features = new java.util.ArrayList<>(extra);
        features.add(mock);
        return new CoachEngine(features, new Inbox(db.jdbi(), clock), dev.interviewcoach.observe.CoachMetrics.none(),
                CoachEngine.ConversationGuard.inProcess());
    }

    private CoachEngine engine() {
        return engine(List.of());
    }

    private Inbound.Message message(UserRef user, Place place, String text) {
        return new Inbound.Message("Ev" + ids.incrementAndGet(), user, place, text, clock.instant());
    }

    private Inbound.Command command(UserRef user, Place place, String text) {
        return new Inbound.Command("Ev" + ids.incrementAndGet(), user, place, text, clock.instant());
    }

    @Test
    void aRateLimitedFeedbackWaitsAndTheNextQuestionNeverOvertakesIt() {
        CoachEngine engine = engine();
        engine.handle(command(ana, anasDm, "mock tiny 3"), port);
        port.clear();
        port.rateLimitNext(Duration.ofSeconds(30));
        engine.handle(message(ana, anasDm, ANSWER), port);
        // The feedback and the next question are one message; what the person says next comes after it.
        engine.handle(message(ana, anasDm, "repeat"), port);
        assertThat(port.posted).as("nothing overtakes the feedback that is waiting").isEmpty();
        assertThat(sessions.activeFor(ana).orElseThrow().position()).as("the answer is kept").isEqualTo(1);

        clock.advance(Duration.ofSeconds(10));
        assertThat(engine.deliverDue(ChatPorts.only(port))).isZero();
        clock.advance(Duration.ofSeconds(21));
        assertThat(engine.deliverDue(ChatPorts.only(port))).isEqualTo(2);
        assertThat(port.posted).extracting(RecordingChatPort.Posted::text)
                .satisfiesExactly(feedback -> assertThat(feedback).startsWith("Score")
                                .contains(Reply.PARAGRAPH + "Question 2 of 3"),
                        again -> assertThat(again).startsWith("Again, question 2 of 3"));
        assertThat(engine.waiting()).isZero();
    }

    @Test
    void oneConversationsRateLimitHoldsUpNobodyElse() {
        CoachEngine engine = engine();
        engine.handle(command(ana, anasDm, "mock tiny 3"), port);
        engine.handle(command(ben, bensDm, "mock tiny 3"), port);
        port.clear();
        port.rateLimitNext(Duration.ofSeconds(30));
        engine.handle(message(ana, anasDm, ANSWER), port);
        engine.handle(message(ben, bensDm, ANSWER), port);
        assertThat(port.posted).as("Ben's feedback and next question go out at once, in one message")
                .singleElement().satisfies(p -> {
                    assertThat(p.place()).isEqualTo(bensDm);
                    assertThat(p.text()).startsWith("Score").contains(Reply.PARAGRAPH + "Question 2 of 3");
                });
    }

    @Test
    void anEventRecordedBeforeAStopIsHandledOnTheNextStart() {
        CoachEngine before = engine();
        before.handle(command(ana, anasDm, "mock tiny 3"), port);
        Inbound.Message answer = message(ana, anasDm, ANSWER);
        assertThat(before.receive(answer)).as("recorded, acknowledged, then the process died").isTrue();
        port.clear();

        CoachEngine after = engine();
        assertThat(after.handleLeftEvents(ChatPorts.only(port), Duration.ZERO)).isOne();
        assertThat(port.posted).extracting(RecordingChatPort.Posted::text)
                .singleElement().satisfies(feedbackThenNext -> assertThat(feedbackThenNext).startsWith("Score")
                        .contains(Reply.PARAGRAPH + "Question 2 of 3"));
        after.handle(answer, port);
        assertThat(port.posted).as("a late retry of the same event changes nothing").hasSize(1);
        assertThat(sessions.activeFor(ana).orElseThrow().position()).isEqualTo(1);
    }

    @Test
    void anEventStillWaitingForItsLaneIsLeftToItByTheBackgroundPassSoItsConversationKeepsItsOrder() {
        CoachEngine engine = engine();
        engine.handle(command(ana, anasDm, "mock tiny 3"), port);
        Inbound.Message waiting = message(ana, anasDm, ANSWER);
        assertThat(engine.receive(waiting)).as("recorded and acknowledged; its lane is busy").isTrue();
        port.clear();
        clock.advance(Duration.ofMinutes(2));
        assertThat(engine.handleLeftEvents(ChatPorts.only(port), Duration.ofSeconds(30)))
                .as("not taken out of its turn").isZero();
        assertThat(port.posted).isEmpty();

        engine.handle(waiting, port);
        assertThat(port.posted).as("handled once, in its turn").hasSize(1);
        assertThat(engine.handleLeftEvents(ChatPorts.only(port), Duration.ZERO)).isZero();
    }

    @Test
    void afterARestartTheLeftBacklogGoesToTheLanesInEachConversationsOrder() {
        CoachEngine before = engine();
        before.handle(command(ana, anasDm, "mock tiny 3"), port);
        before.handle(command(ben, bensDm, "mock tiny 3"), port);
        for (UserRef who : List.of(ana, ben, ana, ben)) {
            clock.advance(Duration.ofMillis(5));
            assertThat(before.receive(message(who, who == ana ? anasDm : bensDm, ANSWER))).isTrue();
        }
        port.clear(); // recorded and acknowledged, then the process died

        CoachEngine after = engine();
        try (ConversationExecutor lanes = new ConversationExecutor(1, 1, new ConversationExecutor.WaitingRoom(10, 100_000),
                ConversationExecutor.BUDGET)) {
            ChatPorts ports = ChatPorts.only(port);
            assertThat(after.handleLeftEvents(ports, Duration.ZERO, lanes::submit, 2)).as("a pass looks at two").isEqualTo(2);
            assertThat(after.handleLeftEvents(ports, Duration.ZERO, lanes::submit, Integer.MAX_VALUE))
                    .as("the next goes past those in hand").isEqualTo(2);
            assertThat(after.handleLeftEvents(ports, Duration.ZERO, lanes::submit, Integer.MAX_VALUE))
                    .as("each is handed over once").isZero();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lanes.pending() == 0);
        }
        for (Place dm : List.of(anasDm, bensDm)) {
            assertThat(port.posted.stream().filter(p -> p.place().equals(dm)).map(RecordingChatPort.Posted::text))
                    .as("feedback and the next question, in order, in %s", dm.key())
                    .satisfiesExactly(first -> assertThat(first).startsWith("Score").contains("Question 2 of 3"),
                            second -> assertThat(second).startsWith("Score").contains("Question 3 of 3"));
        }
        assertThat(sessions.activeFor(ana).orElseThrow().position()).isEqualTo(2);
        assertThat(sessions.activeFor(ben).orElseThrow().position()).isEqualTo(2);
    }

    @Test
    void aHandlerThatFailsHalfWayKeepsNothingAndThePersonIsTold() {
        MessageHandler failing = (message, replies) -> {
            if (!message.text().equals("break")) {
                return false;
            }
            sessions.rememberQuestionMessage(sessions.activeFor(ana).orElseThrow().id(), "written-then-undone");
            replies.post(message.place(), Reply.text("half of a reply"));
            throw new IllegalStateException("the database failed a write");
        };
        CoachEngine engine = engine(List.of(failing));
        engine.handle(command(ana, anasDm, "mock tiny 3"), port);
        Optional<String> questionMessage = sessions.questionMessage(sessions.activeFor(ana).orElseThrow().id());
        port.clear();
        engine.handle(message(ana, anasDm, "break"), port);
        assertThat(port.posted).singleElement().satisfies(p -> {
            assertThat(p.text()).contains("something went wrong").contains("progress is saved");
            assertThat(p.reply().visibility()).isEqualTo(Visibility.onlyTo(ana));
        });
        assertThat(sessions.questionMessage(sessions.activeFor(ana).orElseThrow().id())).as("the write was undone")
                .isEqualTo(questionMessage).isNotEqualTo(Optional.of("written-then-undone"));
    }

    @Test
    void aReplyThatKeepsFailingIsGivenUpAfterTenMinutesAndThePersonIsTold() {
        CoachEngine engine = engine();
        port.failPostsContaining("track", 1_000); // this one reply keeps failing; others go through
        engine.handle(command(ana, anasDm, "tracks"), port);
        for (int minute = 0; minute < 11; minute++) {
            clock.advance(Duration.ofMinutes(1));
            engine.deliverDue(ChatPorts.only(port));
        }
        assertThat(port.attempts).as("tried again with pauses, not in a tight loop").isBetween(5, 20);
        assertThat(port.posted).singleElement().satisfies(p -> {
            assertThat(p.text()).contains("could not get a reply through");
            assertThat(p.reply().visibility()).isEqualTo(Visibility.onlyTo(ana));
        });
        assertThat(engine.waiting()).isZero();
    }

    @Test
    void aReplyDuringAPlatformOutageWaitsItOutAndGoesOutLateRatherThanBeingGivenUp() {
        CoachEngine engine = engine();
        port.unavailable = true; // Slack or Discord down: every post fails with their own trouble
        engine.handle(command(ana, anasDm, "tracks"), port);
        for (int minute = 0; minute < 45; minute++) {
            clock.advance(Duration.ofMinutes(1));
            engine.deliverDue(ChatPorts.only(port));
        }
        assertThat(port.posted).as("nothing given up during a 45-minute outage").isEmpty();
        port.unavailable = false;
        clock.advance(Duration.ofMinutes(1));
        engine.deliverDue(ChatPorts.only(port));
        assertThat(port.posted).singleElement().satisfies(p -> assertThat(p.text()).contains("track"));
        assertThat(engine.waiting()).isZero();
    }

    @Test
    void anUpdateOfAMessageStillInTheOutboxGoesToTheMessageItBecame() {
        // A feature that posts a message with one event and edits it with the next, while the post still waits.
        java.util.concurrent.atomic.AtomicReference<MessageRef> draft = new java.util.concurrent.atomic.AtomicReference<>();
        MessageHandler drafts = (message, replies) -> switch (message.text()) {
            case "draft" -> {
                draft.set(replies.post(message.place(), Reply.text("Draft: first words")));
                yield true;
            }
            case "final" -> {
                replies.update(draft.get(), Reply.text("Final: better words"));
                yield true;
            }
            default -> false;
        };
        CoachEngine engine = engine(List.of(drafts));
        port.rateLimitNext(Duration.ofSeconds(5));
        engine.handle(message(ana, anasDm, "draft"), port);
        engine.handle(message(ana, anasDm, "final"), port);
        assertThat(draft.get().messageId()).as("the post had not gone out when it was edited").startsWith("outbox:");
        assertThat(port.posted).isEmpty();
        clock.advance(Duration.ofSeconds(6));
        engine.deliverDue(ChatPorts.only(port));
        assertThat(port.posted).extracting(RecordingChatPort.Posted::text).containsExactly("Draft: first words");
        assertThat(port.updatedIds).as("the edit went to the message's real id").singleElement()
                .satisfies(id -> assertThat(id).doesNotStartWith("outbox:"));
        assertThat(port.recorded.updated).extracting(RecordingChatPort.Posted::text).containsExactly("Final: better words");
    }

    /** A platform that rate-limits or fails when told to. */
    private static final class FlakyPort implements dev.interviewcoach.chat.ChatPort {
        final RecordingChatPort recorded = new RecordingChatPort();
        final List<RecordingChatPort.Posted> posted = recorded.posted;
        final List<String> updatedIds = new java.util.ArrayList<>();
        final Deque<Supplier<RuntimeException>> failures = new ArrayDeque<>();
        String failing;
        int failCount;
        int attempts;

        void rateLimitNext(Duration wait) {
            failures.add(() -> new RateLimited("test post", wait));
        }

        volatile boolean unavailable;

        void failPostsContaining(String text, int times) {
            failing = text;
            failCount = times;
        }

        @Override
        public MessageRef post(Place place, Reply reply) {
            attempts++;
            if (!failures.isEmpty()) {
                throw failures.poll().get();
            }
            if (unavailable) {
                throw new PlatformUnavailable("HTTP 503 from the platform", null);
            }
            if (failing != null && reply.fallback().contains(failing) && failCount-- > 0) {
                throw new IllegalStateException("HTTP 500 from the platform");
            }
            return recorded.post(place, reply);
        }

        @Override
        public Place openThread(Place channel, Reply opening) {
            return recorded.openThread(channel, opening);
        }

        @Override
        public Place openDirect(UserRef user) {
            return recorded.openDirect(user);
        }

        @Override
        public void update(MessageRef message, Reply reply) {
            updatedIds.add(message.messageId());
            recorded.update(message, reply);
        }

        String all() {
            return recorded.all();
        }

        void clear() {
            recorded.clear();
        }
    }
}
