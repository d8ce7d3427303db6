package dev.interviewcoach.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConversationExecutorTest {

    @Test
    void directMessageKeysThatRepeatTheUserIdStillSpreadOverTheLanes() {
        Set<Integer> lanes = new HashSet<>();
        for (int i = 0; i < 64; i++) {
            String user = "U" + (100000 + i);
            lanes.add(Math.floorMod(ConversationExecutor.spread("slack:T0TEST:D" + user + "/" + user), 8));
        }
        assertThat(lanes).as("lanes used by 64 DM conversations").hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void anEventPastItsBudgetNoLongerHoldsUpTheWorkBehindItAndReadinessSaysSo() throws Exception {
        try (ConversationExecutor executor = new ConversationExecutor(1, 8, Duration.ofMillis(300))) {
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch behind = new CountDownLatch(1);
            // A pathological event: busy, and deaf to interruption.
            executor.submit("conv-a", () -> {
                while (!stop.get()) {
                    Thread.onSpinWait();
                }
            });
            executor.submit("conv-b", behind::countDown);
            assertThat(behind.await(5, TimeUnit.SECONDS)).as("the event behind it ran").isTrue();
            assertThat(executor.lanesRenewed()).isOne();
            assertThat(executor.problem()).hasValueSatisfying(p -> assertThat(p).contains("lane 0").contains("budget"));
            stop.set(true);
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                executor.renewStuckLanes();
                return executor.problem().isEmpty();
            });
            assertThat(executor.problem()).as("ready again once it ended").isEmpty();
        }
    }

    @Test
    void workBeyondAFullQueueWaitsItsTurnInOrderAndLaterWorkQueuesBehindIt() throws Exception {
        try (ConversationExecutor executor = new ConversationExecutor(1, 2,
                new ConversationExecutor.WaitingRoom(100, 1_000), Duration.ofSeconds(30))) {
            CountDownLatch release = new CountDownLatch(1);
            List<String> ran = new CopyOnWriteArrayList<>();
            assertThat(executor.submit("conv", () -> {
                hold(release);
                ran.add("1");
            })).isTrue();
            await().atMost(Duration.ofSeconds(5)).until(() -> executor.pending() == 1 && executor.waiting() == 0);
            for (int i = 2; i <= 10; i++) {
                String n = String.valueOf(i);
                assertThat(executor.submit("conv", 10, () -> ran.add(n))).as("event %s taken", n).isTrue();
            }
            assertThat(executor.waiting()).as("two fit the queue; the rest wait").isEqualTo(7);
            assertThat(executor.pending()).isEqualTo(10);
            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> ran.size() == 10);
            assertThat(ran).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
            assertThat(executor.waiting()).isZero();
            assertThat(executor.turnedAway()).isZero();
        }
    }

    @Test
    void theWaitingRoomIsBoundedByCountAndBySizeAndWhatItTurnsAwayIsCounted() throws Exception {
        try (ConversationExecutor executor = new ConversationExecutor(1, 1,
                new ConversationExecutor.WaitingRoom(3, 100), Duration.ofSeconds(30))) {
            CountDownLatch release = new CountDownLatch(1);
            executor.submit("conv", () -> hold(release));
            await().atMost(Duration.ofSeconds(5)).until(() -> executor.pending() == 1);
            assertThat(executor.submit("conv", 10, () -> { })).as("into the queue").isTrue();
            assertThat(executor.submit("conv", 60, () -> { })).as("waits").isTrue();
            assertThat(executor.submit("conv", 50, () -> { })).as("too big for what is left").isFalse();
            assertThat(executor.submit("conv", 40, () -> { })).as("fits the size left").isTrue();
            assertThat(executor.submit("conv", 0, () -> { })).as("the third to wait").isTrue();
            assertThat(executor.submit("conv", 0, () -> { })).as("no fourth place").isFalse();
            assertThat(executor.turnedAway()).isEqualTo(2);
            assertThat(executor.problem()).as("readiness says the room is full")
                    .hasValueSatisfying(p -> assertThat(p).contains("3 events are waiting"));
            release.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> executor.pending() == 0);
            assertThat(executor.problem()).as("ready again once drained").isEmpty();
            assertThat(executor.submit("conv", 60, () -> { })).as("room again once drained").isTrue();
        }
    }

    @Test
    void closingDropsWhatWaitsAndTakesNothingMore() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        ConversationExecutor executor = new ConversationExecutor(1, 1,
                new ConversationExecutor.WaitingRoom(10, 1_000), Duration.ofSeconds(30));
        executor.submit("conv", () -> hold(release));
        await().atMost(Duration.ofSeconds(5)).until(() -> executor.pending() == 1);
        executor.submit("conv", () -> ran.add("queued"));
        executor.submit("conv", () -> ran.add("waiting"));
        assertThat(executor.waiting()).isOne();
        Thread closer = Thread.ofPlatform().start(executor::close);
        await().atMost(Duration.ofSeconds(5)).until(() -> executor.waiting() == 0);
        assertThat(executor.submit("conv", () -> ran.add("after close"))).isFalse();
        release.countDown();
        closer.join(10_000);
        assertThat(ran).as("queued work finishes; waiting work stays for the next start").containsExactly("queued");
    }

    @Test
    void workInterruptedAtAStopEndsBeforeCloseReturns() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        List<String> ended = new CopyOnWriteArrayList<>();
        ConversationExecutor executor = new ConversationExecutor(1, 4, Duration.ofSeconds(30));
        executor.submit("conv", () -> {
            started.countDown();
            try {
                Thread.sleep(60_000); // a platform call that outlives the stop's wait
            } catch (InterruptedException e) {
                try {
                    Thread.sleep(300); // writing down what became of its reply
                } catch (InterruptedException again) {
                    Thread.currentThread().interrupt();
                }
                ended.add("recorded");
            }
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        executor.close();
        assertThat(ended).as("ended before the database would close").containsExactly("recorded");
    }

    private static void hold(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
