package dev.interviewcoach.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On SQLite, the write turn tells an operator how busy the one writer is: how many turns were taken, how long they
 * were held and how long others waited for them. PostgreSQL has no such turn.
 */
class WriteTurnTest {

    @TempDir
    Path dir;

    private Database db;

    @BeforeEach
    void open() {
        db = Database.sqlite(dir.resolve("coach.db"));
        db.jdbi().useHandle(h -> h.execute("CREATE TABLE said (who TEXT NOT NULL)"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void write(String who) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO said (who) VALUES (:who)").bind("who", who).execute());
    }

    @Test
    void aWriterHoldingTheTurnIsTimedAndSoIsTheOneWaitingForIt() throws Exception {
        WriteTurn turn = db.writeTurn().orElseThrow();
        long before = turn.turns();
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture<Void> slowUnit = CompletableFuture.runAsync(() -> UnitOfWork.run(db.jdbi(), () -> {
            write("first");
            holding.countDown();
            sleep(300); // work between writes keeps the unit's transaction, and so the turn
            write("second");
            return null;
        }));
        assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
        long asked = System.nanoTime();
        write("other"); // waits for the slow unit to commit
        double waitedHere = (System.nanoTime() - asked) / 1e9;
        slowUnit.get(5, TimeUnit.SECONDS);

        assertThat(turn.turns() - before).isEqualTo(2); // the unit's (its two writes in one turn) and the lone write's
        assertThat(turn.secondsHeld()).isGreaterThanOrEqualTo(0.25);
        assertThat(turn.secondsWaited()).isGreaterThanOrEqualTo(0.1).isLessThanOrEqualTo(waitedHere + 0.05);
        assertThat(turn.waiting()).isZero();
    }

    @Test
    void aReadTakesNoTurn() {
        write("first");
        WriteTurn turn = db.writeTurn().orElseThrow();
        long before = turn.turns();
        db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM said").mapTo(Integer.class).one());
        UnitOfWork.run(db.jdbi(), () ->
                db.jdbi().withHandle(h -> h.createQuery("SELECT who FROM said").mapTo(String.class).list()));
        assertThat(turn.turns()).isEqualTo(before);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
