package dev.interviewcoach.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
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
}
