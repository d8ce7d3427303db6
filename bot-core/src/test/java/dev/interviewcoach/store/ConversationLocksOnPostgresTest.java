package dev.interviewcoach.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewcoach.testkit.SharedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Conversation locks on PostgreSQL: every instance honours them, and holding one (an interview start waiting on
 * Discord while it holds its conversation) uses up no connection another conversation's event needs.
 */
class ConversationLocksOnPostgresTest {

    private static Database one;
    private static Database other;
    private static final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeAll
    static void start() throws Exception {
        String url = SharedPostgres.newDatabase();
        one = Database.open(url, "postgres", "postgres");
        other = Database.open(url, "postgres", "postgres"); // a second instance on the same database
    }

    @AfterAll
    static void stop() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        one.close();
        other.close();
    }

    private static CompletableFuture<Void> hold(Database db, String key, CountDownLatch in, CountDownLatch release) {
        return CompletableFuture.runAsync(() -> db.exclusively(key, () -> {
            in.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }), threads);
    }

    @Test
    void manyConversationsHeldAtOnceLeaveRoomForAnother() throws Exception {
        int held = 40; // more than the locks' connections, and more than the twelve a lock each used to take
        CountDownLatch in = new CountDownLatch(held);
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<Void>> holders = new ArrayList<>();
        for (int i = 0; i < held; i++) {
            holders.add(hold(one, "conversation-" + i, in, release));
        }
        assertThat(in.await(10, TimeUnit.SECONDS)).as("every conversation held at once").isTrue();

        AtomicBoolean ran = new AtomicBoolean();
        CompletableFuture.runAsync(() -> one.exclusively("someone else's answer", () -> ran.set(true)), threads)
                .get(3, TimeUnit.SECONDS);
        assertThat(ran).isTrue();

        release.countDown();
        CompletableFuture.allOf(holders.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void anotherInstanceWaitsForAConversationHeldHereButNotForOthers() throws Exception {
        CountDownLatch in = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = hold(one, "shared conversation", in, release);
        assertThat(in.await(10, TimeUnit.SECONDS)).isTrue();

        CountDownLatch second = new CountDownLatch(1);
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(
                () -> other.exclusively("shared conversation", second::countDown), threads);
        CompletableFuture.runAsync(() -> other.exclusively("a different conversation", () -> { }), threads)
                .get(3, TimeUnit.SECONDS);
        assertThat(second.await(300, TimeUnit.MILLISECONDS)).as("the other instance waits while this one holds it")
                .isFalse();

        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        waiting.get(10, TimeUnit.SECONDS);
        assertThat(second.getCount()).as("and goes on once it is let go").isZero();
    }

    @Test
    void aLockIsLetGoWhenItsWorkFails() throws Exception {
        try {
            one.exclusively("failing conversation", () -> {
                throw new IllegalStateException("the handler failed");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessageContaining("handler failed");
        }
        AtomicBoolean ran = new AtomicBoolean();
        CompletableFuture.runAsync(() -> other.exclusively("failing conversation", () -> ran.set(true)), threads)
                .get(3, TimeUnit.SECONDS);
        assertThat(ran).isTrue();
    }
}
