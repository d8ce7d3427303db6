package dev.interviewcoach.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.interviewcoach.MovingClock;
import dev.interviewcoach.TestBanks;
import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.ChatPorts;
import dev.interviewcoach.chat.Inbound;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import dev.interviewcoach.feedback.RuleBasedFeedbackEngine;
import dev.interviewcoach.interview.InterviewMachine;
import dev.interviewcoach.interview.InterviewReplies;
import dev.interviewcoach.interview.MockInterviewFeature;
import dev.interviewcoach.interview.QuestionPicker;
import dev.interviewcoach.interview.SessionRepository;
import dev.interviewcoach.observe.CoachMetrics;
import dev.interviewcoach.question.BankCatalog;
import dev.interviewcoach.store.Database;
import dev.interviewcoach.store.Inbox;
import dev.interviewcoach.text.TextAnalyzer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replies sent on delivery lanes of their own, as {@code coach run} sends them: the lane that handled an event goes
 * on while the platform takes its time, replies into one place keep their order, and a reply that waited long for
 * its delivery lane is still sent exactly once.
 */
class DeliveryLanesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ANSWER = "I would put Redis in front of Postgres using cache-aside, so reads check the"
            + " cache first and fall back to the database. Every key gets a TTL of five minutes, and we evict the key on"
            + " every write so nobody reads a stale price.";
    private static final int DELIVERY_LANES = 4;

    @TempDir
    Path dir;

    private final MovingClock clock = new MovingClock(Instant.parse("2026-12-02T10:00:00Z"));
    private final UserRef ana = new UserRef(Platform.SLACK, "T1", "UANA");
    private final UserRef ben = new UserRef(Platform.SLACK, "T1", "UBEN");
    private final Place anasDm = Place.direct(Platform.SLACK, "T1", "DANA");
    private final AtomicInteger ids = new AtomicInteger();
    private final GatedPort port = new GatedPort();
    private Database db;
    private PlaceQueues deliveries;
    private CoachEngine engine;

    @BeforeEach
    void open() {
        db = Database.sqlite(dir.resolve("coach.db"));
        db.migrate();
        deliveries = new PlaceQueues("coach-send", DELIVERY_LANES, 64);
        BankCatalog banks = TestBanks.tinyCatalog();
        AtomicInteger sessionIds = new AtomicInteger();
        MockInterviewFeature mock = new MockInterviewFeature(banks, new SessionRepository(db.jdbi()),
                new InterviewMachine(banks, new RuleBasedFeedbackEngine(banks, new TextAnalyzer())), new InterviewReplies(),
                new QuestionPicker(new Random(7)), clock, () -> "session-" + sessionIds.incrementAndGet(),
                new MockInterviewFeature.Settings("tiny", 3, 10));
        engine = new CoachEngine(List.of(mock), new Inbox(db.jdbi(), clock), CoachMetrics.none(),
                CoachEngine.ConversationGuard.inProcess(), deliveries::submit);
    }

    @AfterEach
    void close() {
        port.openAll();
        deliveries.close();
        db.close();
    }

    private Inbound.Command command(UserRef user, Place place, String text) {
        return new Inbound.Command("Ev" + ids.incrementAndGet(), user, place, text, clock.instant());
    }

    private Inbound.Message message(UserRef user, Place place, String text) {
        return new Inbound.Message("Ev" + ids.incrementAndGet(), user, place, text, clock.instant());
    }

    /** The lane a place's replies went to when delivery lanes were chosen by hash, as ConversationExecutor does. */
    private static int hashedLaneOf(Place place) {
        return Math.floorMod(ConversationExecutor.spread(OutboxPort.lane(place)), DELIVERY_LANES);
    }

    /** Ben's DM, on the lane Ana's would share with it if lanes were chosen by hash. */
    private Place bensDmOnAnasHashedLane() {
        for (int i = 0; ; i++) {
            Place candidate = Place.direct(Platform.SLACK, "T1", "DBEN" + i);
            if (hashedLaneOf(candidate) == hashedLaneOf(anasDm)) {
                return candidate;
            }
        }
    }

    @Test
    void theLaneThatHandledAnEventGoesOnWhileItsReplyIsStillWithThePlatform() throws Exception {
        // A place that a hash would have put behind Ana's: Ben still waits only for the platform.
        Place bensDm = bensDmOnAnasHashedLane();
        port.hold(anasDm);
        // The event is handled and committed on this thread; the platform holding its reply does not hold it here.
        engine.handle(command(ana, anasDm, "mock tiny 3"), port);
        assertThat(port.calledIn(anasDm).await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("Ana's reply is being sent").isTrue();
        assertThat(port.posted).isEmpty();

        engine.handle(command(ben, bensDm, "mock tiny 3"), port);
        await().atMost(WAIT).until(() -> port.posted.size() == 1);
        assertThat(port.posted.getFirst().place()).as("Ben is answered while Ana's reply is still on its way")
                .isEqualTo(bensDm);

        port.open(anasDm);
        await().atMost(WAIT).until(() -> port.posted.size() == 2);
        assertThat(port.posted.get(1).place()).isEqualTo(anasDm);
        assertThat(port.posted.get(1).text()).contains("Question 1 of 3");
        await().atMost(WAIT).until(() -> engine.waiting() == 0);
    }

    @Test
    void repliesIntoOnePlaceKeepTheirOrderWhenThePlatformIsSlow() {
        port.delay(Duration.ofMillis(40));
        engine.handle(command(ana, anasDm, "mock tiny 3"), port);
        engine.handle(message(ana, anasDm, ANSWER), port);
        engine.handle(message(ana, anasDm, "repeat"), port);
        engine.handle(message(ana, anasDm, "skip"), port);
        await().atMost(WAIT).until(() -> port.posted.size() == 4);
        assertThat(port.posted).extracting(Posted::text).satisfiesExactly(
                first -> assertThat(first).contains("Question 1 of 3"),
                feedback -> assertThat(feedback).startsWith("Score").contains(Reply.PARAGRAPH + "Question 2 of 3"),
                again -> assertThat(again).startsWith("Again, question 2 of 3"),
                skipped -> assertThat(skipped).contains("Question 3 of 3"));
    }

    @Test
    void aReplyThatWaitedPastHalfItsClaimForItsDeliveryLaneRenewsItSoNobodyElseSendsItMeanwhile() throws Exception {
        CountDownLatch laneBusy = occupyDeliveryLaneOf(anasDm);
        engine.handle(command(ana, anasDm, "mock tiny 3"), port);
        clock.advance(Delivery.CLAIM.minusSeconds(2));
        assertThat(engine.deliverDue(ChatPorts.only(port))).as("its claim still holds").isZero();
        port.hold(anasDm);
        laneBusy.countDown();
        assertThat(port.calledIn(anasDm).await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("being sent").isTrue();
        // The claim made when it was written has run out while the platform holds the call; the renewed one has not.
        clock.advance(Duration.ofSeconds(5));
        CompletableFuture<Integer> pass = CompletableFuture.supplyAsync(() -> engine.deliverDue(ChatPorts.only(port)));
        assertThat(pass.get(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the background pass leaves it alone").isZero();
        port.open(anasDm);
        await().atMost(WAIT).until(() -> port.posted.size() == 1);
        await().atMost(WAIT).until(() -> deliveries.pending() == 0);
        clock.advance(Delivery.CLAIM.multipliedBy(2));
        assertThat(engine.deliverDue(ChatPorts.only(port))).as("nothing left to send").isZero();
        assertThat(port.posted).singleElement().satisfies(p -> assertThat(p.text()).contains("Question 1 of 3"));
    }

    @Test
    void aReplyTheBackgroundPassSentWhileItWaitedForItsDeliveryLaneIsNotSentAgain() throws Exception {
        CountDownLatch laneBusy = occupyDeliveryLaneOf(anasDm);
        engine.handle(command(ana, anasDm, "mock tiny 3"), port);
        clock.advance(Delivery.CLAIM.plusSeconds(1));
        assertThat(engine.deliverDue(ChatPorts.only(port))).as("the claim ran out: the background pass takes it")
                .isEqualTo(1);
        laneBusy.countDown();
        await().atMost(WAIT).until(() -> deliveries.pending() == 0);
        engine.handle(message(ana, anasDm, "repeat"), port);
        await().atMost(WAIT).until(() -> port.posted.size() == 2);
        assertThat(port.posted).extracting(Posted::text).satisfiesExactly(
                first -> assertThat(first).contains("Question 1 of 3"),
                again -> assertThat(again).startsWith("Again, question 1 of 3"));
    }

    @Test
    void aPortThatLivesForOneEventIsDoneWithBeforeTheEventEndsAndStillQueuesBehindThePlacesEarlierReplies()
            throws Exception {
        port.hold(anasDm);
        engine.handle(command(ana, anasDm, "mock tiny 3"), port);
        assertThat(port.calledIn(anasDm).await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        ChatPort interaction = port.withinEvent();
        CompletableFuture<Void> pressed = CompletableFuture.runAsync(
                () -> engine.handle(message(ana, anasDm, "repeat"), interaction));
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> !pressed.isDone()); // it waits behind the question
        port.open(anasDm);
        pressed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(port.posted).as("sent by the time the event ends, in order").extracting(Posted::text).satisfiesExactly(
                first -> assertThat(first).contains("Question 1 of 3"),
                again -> assertThat(again).startsWith("Again, question 1 of 3"));
    }

    @Test
    void anInteractionWaitingForItsReplyToGoOutLeavesItsPlaceForWorkToOthers() throws Exception {
        engine.handle(command(ana, anasDm, "mock tiny 3"), port);
        await().atMost(WAIT).until(() -> port.posted.size() == 1);
        // One place for engine work, as if every other were taken.
        try (PlaceQueues events = PlaceQueues.forEvents(1, 4, () -> { })) {
            port.hold(anasDm);
            ChatPort interaction = events.portFor(port.withinEvent());
            CountDownLatch pressedDone = new CountDownLatch(1);
            events.submit(anasDm.key(), 0, () -> {
                engine.handle(message(ana, anasDm, "repeat"), interaction);
                pressedDone.countDown();
            });
            assertThat(port.calledIn(anasDm).await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("Ana's reply on its way")
                    .isTrue();

            // Ben's start is judged and written meanwhile, in the one place Ana's button press no longer needs.
            Place bensDm = Place.direct(Platform.SLACK, "T1", "DBEN");
            ChatPort bensPort = events.portFor(port);
            CountDownLatch started = new CountDownLatch(1);
            events.submit(bensDm.key(), 0, () -> {
                engine.handle(command(ben, bensDm, "mock tiny 3"), bensPort);
                started.countDown();
            });
            assertThat(started.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("Ben's start did not wait for Ana's reply")
                    .isTrue();
            assertThat(pressedDone.getCount()).as("Ana's press still waits for its reply").isOne();

            port.open(anasDm);
            assertThat(pressedDone.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(port.posted).extracting(Posted::text).anySatisfy(t -> assertThat(t).startsWith("Again, question 1"));
        }
    }

    @Test
    void repliesNoDeliveryLaneTookUpAreLetGoAtAStopAndSentByTheNextPassAtOnceAndOnlyThere() throws Exception {
        CountDownLatch laneBusy = occupyDeliveryLaneOf(anasDm);
        engine.handle(command(ana, anasDm, "mock tiny 3"), port);
        assertThat(engine.deliverDue(ChatPorts.only(port))).as("claimed for its delivery lane").isZero();
        assertThat(engine.releaseHandedOver()).isOne();
        assertThat(engine.deliverDue(ChatPorts.only(port))).as("let go: the pass sends it without waiting").isOne();
        laneBusy.countDown();
        await().atMost(WAIT).until(() -> deliveries.pending() == 0);
        assertThat(port.posted).as("the delivery lane, let go of it, does not send it again").singleElement()
                .satisfies(p -> assertThat(p.text()).contains("Question 1 of 3"));
        assertThat(engine.releaseHandedOver()).isZero();
    }

    @Test
    void aReplyThatStoppedBehindAnotherInstancesReplyFollowsItWithinMomentsWithoutWaitingForTheBackgroundPass()
            throws Exception {
        // Another instance on the same database: its own engine, delivery lanes and platform connection.
        PlaceQueues otherDeliveries = new PlaceQueues("other-send", DELIVERY_LANES, 64);
        GatedPort otherPort = port.sharingWhatWasPosted();
        try {
            BankCatalog banks = TestBanks.tinyCatalog();
            AtomicInteger sessionIds = new AtomicInteger(100);
            CoachEngine other = new CoachEngine(List.of(new MockInterviewFeature(banks, new SessionRepository(db.jdbi()),
                    new InterviewMachine(banks, new RuleBasedFeedbackEngine(banks, new TextAnalyzer())),
                    new InterviewReplies(), new QuestionPicker(new Random(7)), clock,
                    () -> "session-" + sessionIds.incrementAndGet(), new MockInterviewFeature.Settings("tiny", 3, 10))),
                    new Inbox(db.jdbi(), clock), CoachMetrics.none(), CoachEngine.ConversationGuard.inProcess(),
                    otherDeliveries::submit);
            otherPort.hold(anasDm);
            other.handle(command(ana, anasDm, "mock tiny 3"), otherPort);
            assertThat(otherPort.calledIn(anasDm).await(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("the other instance is sending the first question").isTrue();

            // Ana's next event reaches this instance while the platform still holds the other's reply.
            engine.handle(message(ana, anasDm, "repeat"), port);
            await().during(Duration.ofMillis(200)).atMost(WAIT).until(() -> port.posted.isEmpty());

            otherPort.open(anasDm);
            long opened = System.nanoTime();
            // No background pass runs here: only looking at the lane again soon sends it.
            await().atMost(WAIT).until(() -> port.posted.size() == 2);
            long followedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - opened);
            assertThat(port.posted).extracting(Posted::text).satisfiesExactly(
                    first -> assertThat(first).contains("Question 1 of 3"),
                    again -> assertThat(again).startsWith("Again, question 1 of 3"));
            assertThat(followedMillis).as("followed within moments, not a background pass later").isLessThan(1_500);
            await().atMost(WAIT).until(() -> engine.waiting() == 0);
        } finally {
            otherPort.openAll();
            otherDeliveries.close();
        }
    }

    @Test
    void repliesThatWaitedInSeveralPlacesGoOutSideBySideOnTheBackgroundPass() throws Exception {
        // As many places as sending threads, all of which a hash would have put on one lane.
        List<Place> dms = new ArrayList<>();
        for (int i = 0; dms.size() < DELIVERY_LANES; i++) {
            Place candidate = Place.direct(Platform.SLACK, "T1", "DWAIT" + i);
            if (dms.isEmpty() || hashedLaneOf(candidate) == hashedLaneOf(dms.getFirst())) {
                dms.add(candidate);
            }
        }
        port.failing(true); // an outage: every reply is put off for a second
        for (int i = 0; i < dms.size(); i++) {
            engine.handle(command(new UserRef(Platform.SLACK, "T1", "UWAIT" + i), dms.get(i), "mock tiny 3"), port);
        }
        await().atMost(WAIT).until(() -> deliveries.pending() == 0);
        assertThat(port.posted).isEmpty();
        port.failing(false);
        dms.forEach(port::hold);
        clock.advance(Duration.ofSeconds(2));

        assertThat(engine.handOverDue(ChatPorts.only(port))).as("every place taken up").isEqualTo(dms.size());
        for (Place dm : dms) {
            assertThat(port.calledIn(dm).await(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("each place's reply is with the platform at once, not behind another place's").isTrue();
        }
        assertThat(engine.handOverDue(ChatPorts.only(port))).as("a place in hand is not taken up twice").isZero();
        port.openAll();
        await().atMost(WAIT).until(() -> port.posted.size() == dms.size());
        await().atMost(WAIT).until(() -> engine.waiting() == 0);
        assertThat(port.posted).extracting(Posted::place).containsExactlyInAnyOrderElementsOf(dms);
    }

    /** Holds the sending of {@code place}'s replies busy until the latch is counted down. */
    private CountDownLatch occupyDeliveryLaneOf(Place place) throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        assertThat(deliveries.submit(OutboxPort.lane(place), 0, () -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })).isTrue();
        assertThat(running.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return release;
    }

    record Posted(Place place, Reply reply) {
        String text() {
            return reply.fallback();
        }
    }

    /** A platform that can hold the replies into a place until let go, or answer every call late; thread-safe. */
    private static final class GatedPort implements ChatPort {
        final List<Posted> posted;
        private final Map<Place, CountDownLatch> gates;
        private final Map<Place, CountDownLatch> called;
        private final AtomicInteger counter;
        private final boolean withinEvent;
        private volatile Duration delay = Duration.ZERO;
        private volatile boolean failing;

        GatedPort() {
            this(new CopyOnWriteArrayList<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new AtomicInteger(),
                    false);
        }

        private GatedPort(List<Posted> posted, Map<Place, CountDownLatch> gates, Map<Place, CountDownLatch> called,
                          AtomicInteger counter, boolean withinEvent) {
            this.posted = posted;
            this.gates = gates;
            this.called = called;
            this.counter = counter;
            this.withinEvent = withinEvent;
        }

        /** Another connection to the same platform (another instance's): its own holds, one record of what was posted. */
        GatedPort sharingWhatWasPosted() {
            return new GatedPort(posted, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), counter, false);
        }

        /** The same platform through a port that lives for one event, as a Discord interaction's does. */
        GatedPort withinEvent() {
            return new GatedPort(posted, gates, called, counter, true);
        }

        @Override
        public boolean repliesWithinEvent() {
            return withinEvent;
        }

        void hold(Place place) {
            gates.put(place, new CountDownLatch(1));
        }

        void open(Place place) {
            gates.getOrDefault(place, new CountDownLatch(0)).countDown();
        }

        void openAll() {
            gates.values().forEach(CountDownLatch::countDown);
        }

        void delay(Duration by) {
            delay = by;
        }

        void failing(boolean failing) {
            this.failing = failing;
        }

        CountDownLatch calledIn(Place place) {
            return called.computeIfAbsent(place, p -> new CountDownLatch(1));
        }

        @Override
        public MessageRef post(Place place, Reply reply) {
            if (failing) {
                throw new IllegalStateException("the platform is down");
            }
            calledIn(place).countDown();
            try {
                CountDownLatch gate = gates.get(place);
                if (gate != null && !gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("held too long");
                }
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            posted.add(new Posted(place, reply));
            return new MessageRef(place, "m" + counter.incrementAndGet());
        }

        @Override
        public Place openThread(Place channel, Reply opening) {
            return channel.thread(post(channel, opening).messageId());
        }

        @Override
        public Place openDirect(UserRef user) {
            return Place.direct(user.platform(), user.tenant(), "D-" + user.userId());
        }

        @Override
        public void update(MessageRef message, Reply reply) {
            // nothing here edits a message
        }
    }
}
