package dev.interviewcoach.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.interviewcoach.chat.ChatPort;
import dev.interviewcoach.chat.MessageRef;
import dev.interviewcoach.chat.Place;
import dev.interviewcoach.chat.Platform;
import dev.interviewcoach.chat.Reply;
import dev.interviewcoach.chat.UserRef;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The coach's events on their conversations' queues ({@link PlaceQueues#forEvents}): a bound on how much engine work
 * runs at once that an event waiting on the platform (an interview start waiting for Discord to make its thread)
 * does not count against, so other people's answers are not held up by it.
 */
class EventQueuesTest {

    private static final Place CHANNEL = Place.channel(Platform.DISCORD, "G1", "C1");

    @Test
    void answersRunWhileEveryPlaceForWorkIsTakenByStartsWaitingOnThePlatform() throws Exception {
        try (PlaceQueues queues = new PlaceQueues("coach-lane", 16, 8, 1_000, Long.MAX_VALUE)) {
            SlowThreads platform = new SlowThreads();
            // Eight starts, as many as there are places for engine work, each waiting for its thread.
            for (int i = 0; i < 8; i++) {
                ChatPort port = queues.portFor(platform);
                queues.submit(CHANNEL.key() + "/U" + i, 0, () -> port.openThread(CHANNEL, Reply.text("Mock interview")));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> platform.waiting.get() == 8);
            // Someone else's answer is judged and answered meanwhile.
            CountDownLatch answered = new CountDownLatch(1);
            queues.submit(CHANNEL.thread("T9").key() + "/U9", 0, answered::countDown);
            assertThat(answered.await(5, TimeUnit.SECONDS)).as("the answer did not wait for the starts").isTrue();
            platform.makeThreads.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> queues.pending() == 0);
        }
    }

    @Test
    void noMoreEventsThanThePlacesForWorkRunEngineWorkAtOnce() throws Exception {
        try (PlaceQueues queues = new PlaceQueues("coach-lane", 16, 2, 1_000, Long.MAX_VALUE)) {
            AtomicInteger atOnce = new AtomicInteger();
            AtomicInteger mostAtOnce = new AtomicInteger();
            for (int i = 0; i < 40; i++) {
                queues.submit("slack:T1:D" + i + "/U" + i, 0, () -> {
                    mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
                    busy(Duration.ofMillis(5));
                    atOnce.decrementAndGet();
                });
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> queues.pending() == 0);
            assertThat(mostAtOnce.get()).as("judging and writing, two at a time").isEqualTo(2);
        }
    }

    @Test
    void anEventBackFromThePlatformGoesOnWhenItsPlaceIsTakenMeanwhile() throws Exception {
        // The bound is for throughput: an event back from the platform that finds every place taken, by work that
        // may itself wait on the event (its conversation's lock), goes on without one instead of waiting for ever.
        try (PlaceQueues queues = new PlaceQueues("coach-lane", 4, 1, 100, Long.MAX_VALUE)) {
            SlowThreads platform = new SlowThreads();
            CountDownLatch startDone = new CountDownLatch(1);
            ChatPort port = queues.portFor(platform);
            queues.submit("start", 0, () -> {
                port.openThread(CHANNEL, Reply.text("Mock interview"));
                startDone.countDown();
            });
            await().atMost(Duration.ofSeconds(5)).until(() -> platform.waiting.get() == 1);
            // The one place now goes to work that waits until the start is done.
            CountDownLatch tookThePlace = new CountDownLatch(1);
            queues.submit("other", 0, () -> {
                tookThePlace.countDown();
                hold(startDone);
            });
            assertThat(tookThePlace.await(5, TimeUnit.SECONDS)).isTrue();
            platform.makeThreads.countDown();
            assertThat(startDone.await(5, TimeUnit.SECONDS)).as("the start finished without its place").isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> queues.pending() == 0);
        }
    }

    @Test
    void eventsAreTurnedAwayWhenTheirSizesWouldPassTheBound() throws Exception {
        try (PlaceQueues queues = new PlaceQueues("coach-lane", 1, 1, 1_000, 100)) {
            CountDownLatch release = new CountDownLatch(1);
            assertThat(queues.submit("a", 60, () -> hold(release))).isTrue();
            assertThat(queues.submit("b", 50, () -> { })).as("60 + 50 characters is past 100").isFalse();
            assertThat(queues.submit("b", 40, () -> { })).isTrue();
            assertThat(queues.turnedAway()).isEqualTo(1);
            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> queues.pending() == 0);
            assertThat(queues.submit("c", 100, () -> { })).as("room again once they ran").isTrue();
        }
    }

    @Test
    void conversationsNeverWaitForEachOthersLocks() throws Exception {
        // With a fixed set of locks shared by hash, some of a hundred conversations would share one and this barrier
        // (each holds its lock until all hold theirs) would never be reached.
        ConversationLocks locks = new ConversationLocks();
        int conversations = 100;
        CyclicBarrier allHold = new CyclicBarrier(conversations);
        AtomicInteger through = new AtomicInteger();
        Thread[] threads = new Thread[conversations];
        for (int i = 0; i < conversations; i++) {
            String key = "discord:G1:C1/U" + i;
            threads[i] = Thread.ofPlatform().start(() -> locks.inOrder(key, () -> {
                try {
                    allHold.await(10, TimeUnit.SECONDS);
                    through.incrementAndGet();
                } catch (Exception e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }));
        }
        for (Thread t : threads) {
            t.join(15_000);
        }
        assertThat(through).hasValue(conversations);
        assertThat(locks.busy()).as("a conversation's lock goes once nobody holds or waits for it").isZero();
    }

    @Test
    void oneConversationsEventsStillTakeTheirLockInTurn() throws Exception {
        ConversationLocks locks = new ConversationLocks();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        Thread[] threads = new Thread[8];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = Thread.ofPlatform().start(() -> {
                for (int n = 0; n < 50; n++) {
                    locks.inOrder("slack:T1:D1/U1", () -> {
                        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        inside.decrementAndGet();
                        return null;
                    });
                }
            });
        }
        for (Thread t : threads) {
            t.join(15_000);
        }
        assertThat(mostInside).hasValue(1);
        assertThat(locks.busy()).isZero();
    }

    /** A platform that takes its time making threads, until told to go on. */
    private static final class SlowThreads implements ChatPort {
        final CountDownLatch makeThreads = new CountDownLatch(1);
        final AtomicInteger waiting = new AtomicInteger();

        @Override
        public Place openThread(Place channel, Reply opening) {
            waiting.incrementAndGet();
            hold(makeThreads);
            return channel.thread("T" + System.nanoTime());
        }

        @Override
        public MessageRef post(Place place, Reply reply) {
            return new MessageRef(place, "M1");
        }

        @Override
        public Place openDirect(UserRef user) {
            return Place.direct(user.platform(), user.tenant(), "D" + user.userId());
        }

        @Override
        public void update(MessageRef message, Reply reply) {
        }
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void busy(Duration time) {
        long until = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
