package dev.interviewcoach.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PlaceQueuesTest {

    @Test
    void eachPlaceRunsItsWorkInOrderWhilePlacesRunSideBySide() throws Exception {
        try (PlaceQueues queues = new PlaceQueues("send", 4, 10_000)) {
            Map<String, List<Integer>> ran = new ConcurrentHashMap<>();
            AtomicInteger atOnce = new AtomicInteger();
            AtomicInteger mostAtOnce = new AtomicInteger();
            Random random = new Random(7);
            int places = 12;
            int each = 40;
            for (int i = 0; i < each; i++) {
                for (int p = 0; p < places; p++) {
                    String place = "slack:T1:C" + p;
                    int n = i;
                    int pause = random.nextInt(3);
                    assertThat(queues.submit(place, 0, () -> {
                        mostAtOnce.accumulateAndGet(atOnce.incrementAndGet(), Math::max);
                        sleep(pause);
                        ran.computeIfAbsent(place, k -> new CopyOnWriteArrayList<>()).add(n);
                        atOnce.decrementAndGet();
                    })).isTrue();
                }
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> queues.pending() == 0);
            for (int p = 0; p < places; p++) {
                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    expected.add(i);
                }
                assertThat(ran.get("slack:T1:C" + p)).as("place %d in order", p).isEqualTo(expected);
            }
            assertThat(mostAtOnce.get()).as("never more than the threads at once").isLessThanOrEqualTo(4)
                    .isGreaterThan(1);
            assertThat(queues.busyPlaces()).as("places leave once done").isZero();
        }
    }

    @Test
    void noPlaceWaitsBehindAnotherWhileAThreadIsFree() throws Exception {
        // With lanes chosen by hash, two places can share a thread whatever the number of lanes; here any free
        // thread takes the next place.
        try (PlaceQueues queues = new PlaceQueues("send", 2, 100)) {
            CountDownLatch release = new CountDownLatch(1);
            queues.submit("discord:G1:C1", 0, () -> hold(release));
            for (int p = 2; p <= 20; p++) {
                CountDownLatch done = new CountDownLatch(1);
                queues.submit("discord:G1:C" + p, 0, done::countDown);
                assertThat(done.await(5, TimeUnit.SECONDS)).as("place %d went on while place 1 waits", p).isTrue();
            }
            release.countDown();
        }
    }

    @Test
    void aPlaceWithMuchToDoLetsPlacesThatCameLaterHaveTheirTurn() throws Exception {
        try (PlaceQueues queues = new PlaceQueues("send", 1, 1_000)) {
            CountDownLatch release = new CountDownLatch(1);
            List<String> ran = new CopyOnWriteArrayList<>();
            queues.submit("busy", 0, () -> hold(release));
            for (int i = 0; i < 3 * PlaceQueues.TURN; i++) {
                queues.submit("busy", 0, () -> ran.add("busy"));
            }
            queues.submit("quiet", 0, () -> ran.add("quiet"));
            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> queues.pending() == 0);
            assertThat(ran.indexOf("quiet")).as("the quiet place's item ran after one turn of the busy one")
                    .isLessThanOrEqualTo(PlaceQueues.TURN);
            assertThat(ran).hasSize(3 * PlaceQueues.TURN + 1);
        }
    }

    @Test
    void workBeyondTheCapacityIsTurnedAwayAndCounted() throws Exception {
        try (PlaceQueues queues = new PlaceQueues("send", 1, 3)) {
            CountDownLatch release = new CountDownLatch(1);
            assertThat(queues.submit("a", 0, () -> hold(release))).isTrue();
            assertThat(queues.submit("a", 0, () -> { })).isTrue();
            assertThat(queues.submit("b", 0, () -> { })).isTrue();
            assertThat(queues.submit("c", 0, () -> { })).as("a fourth item").isFalse();
            assertThat(queues.turnedAway()).isOne();
            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> queues.pending() == 0);
            assertThat(queues.submit("c", 0, () -> { })).as("room again").isTrue();
        }
    }

    @Test
    void failingWorkDoesNotStopThePlacesLaterWork() throws Exception {
        try (PlaceQueues queues = new PlaceQueues("send", 1, 10)) {
            CountDownLatch after = new CountDownLatch(1);
            queues.submit("a", 0, () -> {
                throw new IllegalStateException("platform said no");
            });
            queues.submit("a", 0, after::countDown);
            assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void workPastItsBudgetIsInterruptedItsPlaceGoesOnAndReadinessSaysSoWhileItRuns() throws Exception {
        try (PlaceQueues queues = new PlaceQueues("send", 1, 10, Duration.ofMillis(300))) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicBoolean sawInterrupt = new AtomicBoolean();
            // Deaf to interruption: it notes it and keeps its thread.
            queues.submit("a", 0, () -> {
                while (!stop.get()) {
                    if (Thread.interrupted()) {
                        sawInterrupt.set(true);
                    }
                    Thread.onSpinWait();
                }
            });
            CountDownLatch samePlace = new CountDownLatch(1);
            CountDownLatch otherPlace = new CountDownLatch(1);
            queues.submit("a", 0, samePlace::countDown);
            queues.submit("b", 0, otherPlace::countDown);
            assertThat(samePlace.await(5, TimeUnit.SECONDS)).as("the place's later work went on").isTrue();
            assertThat(otherPlace.await(5, TimeUnit.SECONDS))
                    .as("another place got a thread though the only one is held").isTrue();
            // Interrupted before its place's work moved on; the busy loop notices when it next gets a core.
            await().atMost(Duration.ofSeconds(5)).untilTrue(sawInterrupt);
            assertThat(queues.overBudget()).isOne();
            assertThat(queues.problem()).hasValueSatisfying(p -> assertThat(p).contains("a").contains("budget"));
            stop.set(true);
            await().atMost(Duration.ofSeconds(5)).until(() -> queues.problem().isEmpty());
            CountDownLatch later = new CountDownLatch(1);
            queues.submit("a", 0, () -> {
                if (!Thread.currentThread().isInterrupted()) {
                    later.countDown();
                }
            });
            assertThat(later.await(5, TimeUnit.SECONDS)).as("the next item starts with no interrupt left").isTrue();
        }
    }

    @Test
    void closingRunsWhatIsQueuedAndTakesNothingMore() throws Exception {
        PlaceQueues queues = new PlaceQueues("send", 2, 100);
        AtomicInteger ran = new AtomicInteger();
        for (int i = 0; i < 30; i++) {
            queues.submit("p" + (i % 3), 0, () -> {
                sleep(2);
                ran.incrementAndGet();
            });
        }
        queues.close();
        assertThat(ran).hasValue(30);
        assertThat(queues.submit("p0", 0, ran::incrementAndGet)).isFalse();
    }

    @Test
    void workInterruptedAtAStopEndsBeforeCloseReturnsAndTheRestIsNotStarted() throws Exception {
        PlaceQueues queues = new PlaceQueues("send", 1, 100);
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean ended = new AtomicBoolean();
        AtomicInteger later = new AtomicInteger();
        queues.submit("a", 0, () -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                sleep(200); // writes what became of its reply
                ended.set(true);
            }
        });
        queues.submit("a", 0, later::incrementAndGet);
        queues.submit("b", 0, later::incrementAndGet);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        queues.close();
        assertThat(ended).as("the interrupted item finished first").isTrue();
        assertThat(later).as("nothing started after the stop's wait").hasValue(0);
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
