package dev.interviewcoach.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Units of work that wait on a chat platform (an interview start waiting for Discord to make its thread) give their
 * connection back meanwhile, so waiting work does not use up the pool that other people's answers need; a unit that
 * has begun writing keeps its connection and its transaction.
 */
class WaitingUnitsTest {

    @TempDir
    Path dir;

    private Database db;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void open() {
        db = Database.sqlite(dir.resolve("coach.db"));
        db.jdbi().useHandle(h -> h.execute("CREATE TABLE said (who TEXT NOT NULL)"));
    }

    @AfterEach
    void close() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(10, TimeUnit.SECONDS);
        db.close();
    }

    private void write(String who) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO said (who) VALUES (:who)").bind("who", who).execute());
    }

    private int count() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM said").mapTo(Integer.class).one());
    }

    /** A unit that reads, waits on the "platform" until {@code platform} opens, then writes. */
    private CompletableFuture<Void> startWaiting(String who, CountDownLatch waiting, CountDownLatch platform) {
        return CompletableFuture.runAsync(() -> UnitOfWork.run(db.jdbi(), () -> {
            count(); // the unit's reads come first, as a start reads the person's history
            db.letGoWhileWaiting();
            waiting.countDown();
            try {
                platform.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            write(who);
            return null;
        }), threads);
    }

    @Test
    void moreUnitsWaitingOnThePlatformThanThePoolHasConnectionsHoldNoneOfThem() throws Exception {
        int waiters = Database.SQLITE_CONNECTIONS + 8;
        CountDownLatch waiting = new CountDownLatch(waiters);
        CountDownLatch platform = new CountDownLatch(1);
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (int i = 0; i < waiters; i++) {
            starts.add(startWaiting("start " + i, waiting, platform));
        }
        assertThat(waiting.await(10, TimeUnit.SECONDS)).as("every start waiting on the platform").isTrue();

        // Someone's answer meanwhile: with each waiting start holding a connection it would wait for the pool's
        // ten-second timeout and fail.
        CompletableFuture<Void> answer = CompletableFuture.runAsync(() -> UnitOfWork.run(db.jdbi(), () -> {
            count();
            write("answer");
            return null;
        }), threads);
        answer.get(3, TimeUnit.SECONDS);
        assertThat(count()).isEqualTo(1);

        platform.countDown();
        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        assertThat(count()).as("every start wrote once it was back").isEqualTo(waiters + 1);
    }

    @Test
    void aUnitThatHasBegunWritingKeepsItsTransactionAcrossTheWait() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch platform = new CountDownLatch(1);
        CompletableFuture<Void> unit = CompletableFuture.runAsync(() -> UnitOfWork.run(db.jdbi(), () -> {
            write("before the wait");
            db.letGoWhileWaiting();
            written.countDown();
            try {
                platform.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            write("after the wait");
            return null;
        }), threads);
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(count()).as("nothing committed while the unit waits").isZero();

        platform.countDown();
        unit.get(10, TimeUnit.SECONDS);
        assertThat(count()).as("both writes committed together").isEqualTo(2);
    }

    @Test
    void aUnitThatFailsAfterItsWaitLeavesNothingWritten() {
        assertThatThrownBy(() -> UnitOfWork.run(db.jdbi(), () -> {
            count();
            db.letGoWhileWaiting();
            write("half of it");
            throw new IllegalStateException("the platform refused");
        })).hasMessageContaining("refused");
        assertThat(count()).isZero();

        UnitOfWork.run(db.jdbi(), () -> {
            db.letGoWhileWaiting(); // before anything was read: nothing to give back
            write("whole");
            return null;
        });
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void outsideAUnitThereIsNothingToLetGoOf() {
        db.letGoWhileWaiting();
        write("plain");
        assertThat(count()).isEqualTo(1);
    }
}
